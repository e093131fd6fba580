"""Module 5 -- Analysis and Reports: the labs' code (metrics read for a period, reports, A/B tests, decisions)."""
