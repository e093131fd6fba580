"""Module 5 -- Analysis and Reports."""
