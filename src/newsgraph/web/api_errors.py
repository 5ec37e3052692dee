"""One error shape for the JSON API: `{"error": {"status", "code", "message", "param"}}`, for invalid parameters
(422), unknown ids (404) and anything else; HTML pages keep their own error pages.

Why one shape: a client handles one structure instead of FastAPI's `{"detail": [...]}`, Starlette's
`{"detail": "Not Found"}` and our own messages side by side.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.web.models import ErrorResponse

#: Documented on every API route.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such article or entity"},
    422: {"model": ErrorResponse, "description": "An invalid parameter (the message says what to send)"},
}


class ApiError(Exception):
    """An API failure with its status, a short code, a message and the parameter at fault."""

    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None):
        self.status = status
        self.message = message
        self.param = param
        self.code = code or {404: "not_found", 422: "invalid_parameter"}.get(status, "error")
        super().__init__(message)


def error_body(status: int, code: str, message: str, param: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "param": param}}


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    errs = exc.errors()
    if not errs:
        return "invalid request", None
    e = errs[0]
    loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
    param = loc[0] if loc else None
    got = e.get("input")
    msg = e.get("msg", "invalid value")
    return (f"{param}={got!r}: {msg}" if param else msg), param


def install(app: FastAPI) -> None:
    """Route API errors (paths under /api/) through the one shape; other paths keep FastAPI's handling."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.status, exc.code, exc.message, exc.param), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, param = _validation_message(exc)
        return JSONResponse(error_body(422, "invalid_parameter", message, param), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/"):
            code = "not_found" if exc.status_code == 404 else "error"
            return JSONResponse(error_body(exc.status_code, code, str(exc.detail)), status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        from fastapi.exception_handlers import http_exception_handler

        return await http_exception_handler(request, exc)
