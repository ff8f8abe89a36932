"""The app's look: the Gradio theme (light and dark) and the stylesheet (``assets/app.css``)."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

ASSETS = Path(__file__).resolve().parent / "assets"

THEME = gr.themes.Soft(
    primary_hue=gr.themes.colors.blue,
    secondary_hue=gr.themes.colors.sky,
    neutral_hue=gr.themes.colors.slate,
    font=[gr.themes.LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif"],
    font_mono=[gr.themes.LocalFont("IBM Plex Mono"), "ui-monospace", "monospace"],
    radius_size=gr.themes.sizes.radius_md,
).set(
    body_background_fill="#f5f7fb",
    body_background_fill_dark="*neutral_950",
    block_label_text_color_dark="*neutral_200",
    block_title_text_color_dark="*neutral_100",
    block_label_background_fill="transparent",
    block_label_text_color="*neutral_600",
    block_title_background_fill="transparent",
    block_title_text_color="*neutral_700",
    button_primary_background_fill="*primary_600",
    button_primary_background_fill_hover="*primary_700",
    button_primary_text_color="white",
    button_primary_background_fill_dark="*primary_700",
    button_primary_background_fill_hover_dark="*primary_600",
    button_primary_text_color_dark="white",
    input_placeholder_color="*neutral_500",
    input_placeholder_color_dark="*neutral_300",
    block_border_width="1px",
    block_shadow="0 1px 2px rgba(15, 23, 42, 0.06)",
)


def stylesheet() -> str:
    """The app's CSS, read from ``assets/app.css`` (package data) when the app is built."""
    return (ASSETS / "app.css").read_text(encoding="utf-8")
