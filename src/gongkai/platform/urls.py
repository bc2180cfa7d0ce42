"""Root URLs: one include per app, the JSON API under /api/."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from . import views
from .api import api
from .desk.urls import public_urlpatterns

admin.site.site_header = "政府信息公开平台管理"
admin.site.site_title = "gongkai"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("gongkai.platform.accounts.urls")),
    path("agencies/", include("gongkai.platform.agencies.urls")),
    path("audit/", include("gongkai.platform.audit.urls")),
    path("workdays/", include("gongkai.platform.workdays.urls")),
    path("desk/", include("gongkai.platform.desk.urls")),
    path("", include((public_urlpatterns, "public"))),
    path("letters/", include("gongkai.platform.letters.urls")),
    path("appeals/", include("gongkai.platform.appeals.urls")),
    path("annual/", include("gongkai.platform.annual.urls")),
    path("registry/", include("gongkai.platform.registry.urls")),
    path("portal/", include("gongkai.platform.portal.urls")),
    path("oversight/", include("gongkai.platform.oversight.urls")),
    path("messages/", include("gongkai.platform.notifications.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
