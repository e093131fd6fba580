"""Module 4 -- Community Interaction."""
