"""Module 2 -- Community Management Strategy."""
