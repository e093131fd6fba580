"""Module 2 -- Community Management Strategy: the labs' working parts.

- :mod:`course.strategy.objectives` -- SMART objectives and baselines with achievable and stretch goals
- :mod:`course.strategy.channels` -- choosing channels from the audience
- :mod:`course.strategy.guidelines` -- the community guidelines builder
- :mod:`course.strategy.calendar` -- the editorial calendar: validator, month view and exports
"""
