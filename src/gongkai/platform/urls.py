"""Root URLs: one include per app, the JSON API under /api/."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from . import views
from .api import api

admin.site.site_header = "政府信息公开平台管理"
admin.site.site_title = "gongkai"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("gongkai.platform.accounts.urls")),
    path("agencies/", include("gongkai.platform.agencies.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]
