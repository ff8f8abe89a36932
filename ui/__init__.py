"""The Gradio app (``ui.app``). Gradio's analytics are off before any module here imports it.

A tab with a few controls is one module (``directory_tab.py``). A larger one is split in two:
``*_layout.py`` builds the components and wires their events; ``*_actions.py`` holds the handlers,
each returning a result, which the page and the named API endpoints both call (``chat_*``,
``staff_*``). ``render*.py`` are pure HTML/Markdown functions, no Gradio.
"""

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
