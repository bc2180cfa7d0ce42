from __future__ import annotations

from django.urls import path

from . import views

app_name = "desk"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("mine/", views.my_cases, name="mine"),
    path("new/", views.register_case, name="register"),
    path("export.xlsx", views.export_cases, name="export"),
    path("batch-confirm/", views.batch_confirm, name="batch_confirm"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/attachments/", views.upload_attachment, name="attach"),
    path("<int:pk>/attachments/<int:file_pk>/", views.attachment_file, name="attachment"),
    path("<int:pk>/deliveries/", views.add_delivery, name="delivery"),
    path("<int:pk>/deliveries/<int:delivery_pk>/receipt/", views.delivery_receipt, name="delivery_receipt"),
    path("<int:pk>/<slug:action>/", views.case_action, name="action"),
]

public_urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/done/", views.apply_done, name="apply_done"),
    path("track/", views.track, name="track"),
]
