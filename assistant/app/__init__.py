"""The application, the top floor: what runs the rest and imports ``ui/`` directly.

- ``cli/``: the ``paris-health`` command line (corpus, ask, serve, measure);
- ``container.py``: the composition root, lazy, building each part once from the settings;
- ``evaluate.py``, ``eval_report.py``: the evaluation of the answers;
- ``fitting.py`` (the labelled pairs) and ``fit.py`` (the fit): the sentence model's weights;
- ``bench/``: the retrieval bench.
"""
