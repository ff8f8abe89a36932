"""The Gradio app (``ui.app``). Gradio's analytics are off before any module here imports it."""

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
