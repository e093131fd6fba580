"""Module 3 -- Social Media Management: small working versions of the tools the lessons name.

- :mod:`course.social.platforms` -- the platform fact sheet (audiences, formats, limits, each figure sourced)
- :mod:`course.social.profiles` -- the profile audit
- :mod:`course.social.publishing` -- posting windows, the draft validator and time zones
- :mod:`course.social.insights` -- an insights dashboard in the style of built-in analytics
- :mod:`course.social.utm` -- UTM-tagged links and the web funnel
"""
