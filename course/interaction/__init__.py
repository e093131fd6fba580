"""Module 4 labs: community interaction on Velora's data (engagement, the inbox, replies, loyalty)."""
