"""The web app: server-rendered pages and a JSON API over one store, read-only.

Every page has a JSON twin under ``/api`` with the same data (the export contract's field
names); ``/api/openapi.json`` describes them. Query parameters are bounded; ids travel in
the path and are only ever looked up, never used to build a file path.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi import Path as FPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from storyline.errors import InputError, NotFoundError, StorylineError
from storyline.explore import listing, pages
from storyline.explore.compare import shared_view
from storyline.explore.marking import article_pieces
from storyline.render.charts import event_axis, outlet_bars
from storyline.render.links import web_href, web_link
from storyline.store.db import Store
from storyline.web.safety import security_headers

VIEWS = Path(__file__).resolve().parents[1] / "render"
Text = Annotated[str | None, Query(max_length=200)]
Id = Annotated[str, FPath(max_length=200)]
DAY = pages.DAY.pattern  # YYYY, YYYY-MM or YYYY-MM-DD, as the library checks it
Day = Annotated[str | None, Query(max_length=10, pattern=DAY)]
PageNo = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=listing.MAX_PER_PAGE)]


class Stores:
    """One read-only connection per server thread (SQLite connections are not shared)."""

    def __init__(self, path: str) -> None:
        """Check that ``path`` opens; connections are made per thread on first use."""
        self.path = path
        Store(path, read_only=True).close()
        self._local = threading.local()

    def get(self) -> Store:
        """The store of the calling thread."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, read_only=True)
        return store


def create_app(db_path: str) -> FastAPI:
    """Build the app serving the store at ``db_path`` (which must exist).

    Raises:
        StoreError: The file is missing or not a storyline database.
    """
    stores = Stores(db_path)
    cache: dict[tuple[str, int, int, int], list[dict[str, Any]]] = {}
    cache_lock = threading.Lock()
    app = FastAPI(title="storyline", summary="Browse a storyline database (read-only).",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.middleware("http")(security_headers)
    app.mount("/static", StaticFiles(directory=VIEWS / "static"), name="static")
    # The report renders the same view templates (render/templates) as one page.
    templates = Jinja2Templates(directory=VIEWS / "templates")
    templates.env.autoescape = True  # article text is untrusted; nothing is marked safe
    templates.env.filters["web_link"] = web_link
    templates.env.globals["href"] = web_href
    templates.env.globals["db_name"] = Path(db_path).name

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.exception_handler(StorylineError)
    async def library_error(request: Request, exc: StorylineError) -> Response:
        status = 404 if isinstance(exc, NotFoundError) else 422
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=status)
        return templates.TemplateResponse(request, "error.html.j2",
                                          {"status": status, "message": str(exc)},
                                          status_code=status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
            for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": problems}, status_code=422)
        return templates.TemplateResponse(request, "error.html.j2",
                                          {"status": 422, "message": problems},
                                          status_code=422)

    # JSON ------------------------------------------------------------------------------

    @app.get("/api/storylines", tags=["storylines"])
    def api_storylines(q: Text = None, entity: Text = None, outlet: Text = None,
                       date_from: Day = None, date_to: Day = None, page_no: Annotated[
                           PageNo, Query(alias="page")] = 1, per_page: PerPage = 50
                       ) -> dict[str, Any]:
        """Storylines, most articles first; filter by words, a name, an outlet, dates."""
        return listing.storylines(stores.get(), word=q, entity=entity, outlet=outlet,
                                  date_from=date_from, date_to=date_to, page=page_no,
                                  per_page=per_page)

    @app.get("/api/storylines/{storyline_id}", tags=["storylines"])
    def api_storyline(storyline_id: Id) -> dict[str, Any]:
        """One storyline: figures, events with cited summaries, articles per day and outlet."""
        return pages.storyline(stores.get(), storyline_id)

    @app.get("/api/storylines/{storyline_id}/timeline", tags=["storylines"])
    def api_timeline(storyline_id: Id,
                     dates: Annotated[int, Query(ge=1, le=100)] = pages.TIMELINE_DATES,
                     sentences: Annotated[int, Query(ge=1, le=10)] = pages.TIMELINE_SENTENCES,
                     ) -> list[dict[str, Any]]:
        """The storyline's cited timeline: the dates that mattered, each with sentences."""
        return timeline(storyline_id, dates, sentences)

    @app.get("/api/storylines/{storyline_id}/whatsnew", tags=["storylines"])
    def api_whatsnew(storyline_id: Id,
                     since: Annotated[str, Query(max_length=10, pattern=DAY)]) -> dict[str, Any]:
        """Sentences published since a date that report what no earlier article reported."""
        return pages.whatsnew(stores.get(), storyline_id, since)

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(event_id: Id) -> dict[str, Any]:
        """One event: summary, independent reports and copies, first report, quotes, names."""
        return pages.event(stores.get(), event_id)

    @app.get("/api/events/{event_id}/coverage", tags=["events"])
    def api_coverage(event_id: Id) -> list[dict[str, Any]]:
        """Per outlet: what it carried that most did, what only it carried, what it left out."""
        return pages.coverage(stores.get(), event_id)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: Id) -> dict[str, Any]:
        """One article: clean text, removed lines, names, dates, quotes, provenance."""
        return pages.article(stores.get(), article_id)

    @app.get("/api/articles/{article_id}/shared/{other_id}", tags=["articles"])
    def api_shared(article_id: Id, other_id: Id) -> dict[str, Any]:
        """The passages two articles share, side by side, words that differ marked."""
        return shared_view(stores.get(), article_id, other_id)

    @app.get("/api/entities/{name:path}", tags=["entities"])
    def api_entity(name: Id) -> dict[str, Any]:
        """A name: mentions over time, its events, the quotes it is given."""
        return pages.entity(stores.get(), name)

    @app.get("/api/search", tags=["search"])
    def api_search(q: Annotated[str, Query(min_length=1, max_length=200)],
                   outlet: Text = None, date_from: Day = None, date_to: Day = None,
                   page_no: Annotated[PageNo, Query(alias="page")] = 1,
                   per_page: PerPage = 20) -> dict[str, Any]:
        """Sentences with all the words of ``q``, best first, each citing its article."""
        return listing.search(stores.get(), q, outlet=outlet, date_from=date_from,
                              date_to=date_to, page=page_no, per_page=per_page)

    def timeline(storyline_id: str, dates: int, sentences: int) -> list[dict[str, Any]]:
        store = stores.get()
        # Building a timeline reads every sentence of the storyline: keep it until the
        # store changes (SQLite's data_version moves when another connection commits).
        key = (storyline_id, dates, sentences, store.data_version())
        with cache_lock:
            if key in cache:
                return cache[key]
        found = pages.timeline(store, storyline_id, dates, sentences)
        with cache_lock:
            if len(cache) > 64:
                cache.clear()
            cache[key] = found
        return found

    # Pages -----------------------------------------------------------------------------

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: Text = None, entity: Text = None, outlet: Text = None,
             date_from: Day = None, date_to: Day = None,
             page_no: Annotated[PageNo, Query(alias="page")] = 1) -> HTMLResponse:
        found = api_storylines(q, entity, outlet, date_from, date_to, page_no, 50)
        filters = {"q": q or "", "entity": entity or "", "outlet": outlet or "",
                   "date_from": date_from or "", "date_to": date_to or ""}
        return page(request, "storylines.html.j2", found=found, filters=filters)

    @app.get("/storylines/{storyline_id}", response_class=HTMLResponse,
             include_in_schema=False)
    def storyline_page(request: Request, storyline_id: Id) -> HTMLResponse:
        data = api_storyline(storyline_id)
        return page(request, "storyline.html.j2", s=data, axis=event_axis(data["events"]),
                    bars=outlet_bars(data["outlet_days"]))

    @app.get("/storylines/{storyline_id}/timeline", response_class=HTMLResponse,
             include_in_schema=False)
    def timeline_page(request: Request, storyline_id: Id) -> HTMLResponse:
        data = pages.storyline_head(stores.get(), storyline_id)
        found = timeline(data["storyline_id"], pages.TIMELINE_DATES, pages.TIMELINE_SENTENCES)
        cited = [s["article_id"] for entry in found for s in entry["sentences"]]
        return page(request, "timeline.html.j2", s=data, timeline=found,
                    cited=pages.rows_by_id(stores.get(), cited))

    @app.get("/storylines/{storyline_id}/whatsnew", response_class=HTMLResponse,
             include_in_schema=False)
    def whatsnew_page(request: Request, storyline_id: Id, since: Day = None) -> HTMLResponse:
        data = pages.storyline_head(stores.get(), storyline_id)
        since = since or data["end"] or data["start"] or "1900"
        found = api_whatsnew(data["storyline_id"], since)
        cited = [s["article_id"] for d in found["dates"] for s in d["sentences"]]
        return page(request, "whatsnew.html.j2", s=data, found=found,
                    cited=pages.rows_by_id(stores.get(), cited))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: Id) -> HTMLResponse:
        # The coverage comparison reads every sentence of the event: the page fetches it
        # after it shows (/api/events/ID/coverage), so a big event opens at once.
        data = pages.event(stores.get(), event_id, with_coverage=False)
        # Citations show each article's outlet: look rows up by id.
        data["rows"] = {r["id"]: r for r in data["article_records"]}
        return page(request, "event.html.j2", e=data)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: Id) -> HTMLResponse:
        data = api_article(article_id)
        return page(request, "article.html.j2", a=data, pieces=article_pieces(data))

    @app.get("/articles/{article_id}/shared/{other_id}", response_class=HTMLResponse,
             include_in_schema=False)
    def shared_page(request: Request, article_id: Id, other_id: Id) -> HTMLResponse:
        return page(request, "shared.html.j2", v=api_shared(article_id, other_id))

    @app.get("/entities/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, name: Id) -> HTMLResponse:
        data = pages.entity(stores.get(), name)
        bars = outlet_bars([{"date": r["date"], "outlet": "mentions", "articles": r["mentions"]}
                            for r in data["mentions_by_day"]])
        return page(request, "entity.html.j2", n=data, bars=bars)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: Text = None, outlet: Text = None,
                    date_from: Day = None, date_to: Day = None,
                    page_no: Annotated[PageNo, Query(alias="page")] = 1) -> HTMLResponse:
        found = None
        filters = {"outlet": outlet or "", "date_from": date_from or "",
                   "date_to": date_to or ""}
        if q and q.strip():
            try:
                found = api_search(q, outlet, date_from, date_to, page_no, 20)
            except InputError as exc:
                return page(request, "search.html.j2", found=None, q=q, message=str(exc),
                            filters=filters)
        pager_base = "/search?" + urlencode({"q": q or "", **filters}) + "&"
        return page(request, "search.html.j2", found=found, q=q or "", message=None,
                    filters=filters, pager_base=pager_base)

    return app
