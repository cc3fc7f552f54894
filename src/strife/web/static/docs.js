// The API explorer at /docs: Swagger UI (vendored, see docs/web.md) over /openapi.json.
// A file of its own, not an inline script, so /docs runs under the page's strict policy.
window.ui = window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
