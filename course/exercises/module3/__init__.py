"""Module 3 -- Social Media Management."""
