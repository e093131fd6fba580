"""Module 5, Analysis and Reports: the lessons' labs (KPI sets, the community report builder, A/B test reading,
baselines)."""
