"""`strife serve`: a JSON API over a store's merged events, and the page that shows them.

app = create_app("strife.duckdb")                 # read-only; an ASGI app (FastAPI)
app = create_app("strife.duckdb", token="s3cret") # also POST /api/articles with that bearer token
serve("strife.duckdb", port=8000)                 # uvicorn on 127.0.0.1
"""

from strife.web.app import create_app, serve

__all__ = ["create_app", "serve"]
