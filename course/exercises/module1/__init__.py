"""Module 1 -- Introduction to Community Management."""
