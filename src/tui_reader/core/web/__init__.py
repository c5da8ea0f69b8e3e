"""Talking to the article's WordPress site: finding its comment form, posting a comment the
way the page's form does, reading the answer as WordPress means it, checking the comment's fate.

Pure Python, no Textual. The HTTP client (httpx) is imported by `client.py` only, and only
when something is actually sent: nothing here may be imported on the start-up path otherwise.
"""
