"""Module 4 -- Community Interaction: the labs behind the lessons on engagement, the inbox and loyalty."""
