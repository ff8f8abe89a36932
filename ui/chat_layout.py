"""The Chat tab's layout and events.

- The answer streams into the conversation (one handler, ``ChatActions.answer``: the page's events
  here and the ``/ask`` endpoint are adapters over it; the sources panel is rendered once per
  answer, and the answer's record kept on the server, never read back from the page); each
  answer has thumbs (per message) and, once rated, an optional comment
  (``ui/feedback_layout.py``); Stop (enabled while an answer runs) cancels it, the retry button
  on the last answer asks again. Active filters show as chips by the box (``ui/filter_chips.py``).
- Example questions, under the question box, are buttons that ask at once (the answer brought
  into view); so are those the help reply lists, and the questions an answer suggests asking
  next (``ui/help_examples.py``).
- The sources panel keeps the sources of every answer of the conversation
  (``ui/render_sources.py``): a citation [n], in any answer, scrolls to its card.
- Conversations live in the browser's local storage (``gr.BrowserState``), reopened from the
  "Conversations" menu; a reload brings back the current one; Delete asks first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from ui import conversations as convs
from ui.chat_actions import (
    CHAT_PLACEHOLDER,
    DOC_TYPES,
    INVESTOR_EXAMPLES,
    RESEARCHER_EXAMPLES,
    SHOW_ANSWER_JS,
    AskStep,
    ChatActions,
)
from ui.chat_state import before_retry, forget, open_conversation, opened, remember, restore
from ui.common import ANY
from ui.conversation_tools import ConversationTools
from ui.feedback import FeedbackPanel, closed
from ui.feedback_layout import CommentBox
from ui.filter_chips import FilterChips
from ui.help_examples import HelpExamples
from ui.history import chatbot_messages, checked
from ui.render import SOURCES_PLACEHOLDER
from ui.render_sources import CITATION_JS

PRIVATE: dict[str, Any] = {"api_visibility": "private"}
__all__ = ["ChatLayout", "before_retry", "forget", "open_conversation", "opened", "remember"]


class ChatLayout:
    """The Chat tab over :class:`ChatActions` (answers) and :class:`FeedbackPanel`."""

    def __init__(self, tab: ChatActions, feedback: FeedbackPanel) -> None:
        self.tab = tab
        self.fb = feedback
        self.help = HelpExamples()
        self.tools = ConversationTools()  # rename, export, a delete that asks first
        self.feedback = CommentBox(feedback)

    # --- the page's adapter over ChatActions.answer ---------------------------------------------
    def page_ask(
        self,
        message: str,
        history: Any,
        doc_type: str | None,
        kind: str | None,
        answers: Any,
        conv_id: Any,
        store: Any,
    ) -> Iterator[tuple[Any, ...]]:
        """(chat, sources, answer, message, records, id, store, menu): the answer streams, then
        the conversation's sources around the answer's own and the conversation saved; a failed
        answer is saved without a record, then its error shown."""
        step = AskStep(chatbot_messages(history), message)
        try:
            for step in self.tab.answer(message, history, doc_type, kind):
                if step.record is None:
                    yield step.shown, step.panel(), gr.skip(), step.message, *[gr.skip()] * 4
        except gr.Error:
            kept = remember(step.shown, None, answers, conv_id, store)
            yield gr.skip(), kept[1], gr.skip(), gr.skip(), kept[0], *kept[2:]
            raise
        kept = remember(step.shown, step.record, answers, conv_id, store, step.sources)
        yield step.shown, kept[1], step.record_or_skip(), step.message, kept[0], *kept[2:]

    def build(self, kinds: list[tuple[str, str]]) -> None:
        self.chips = FilterChips(DOC_TYPES, kinds)
        with gr.Tab("Chat", id="chat", elem_id="ph-chat-tab"):
            self.store = gr.BrowserState(
                convs.empty(), storage_key=convs.STORAGE_KEY, secret=convs.STORAGE_SECRET
            )
            self.user = gr.BrowserState("", storage_key=convs.USER_KEY, secret=convs.STORAGE_SECRET)
            self.answers = gr.State([])  # the answer record of each assistant message
            self.conv_id = gr.State("")
            with gr.Row(equal_height=False, elem_classes="ph-chat-row"):
                with gr.Column(scale=3, min_width=300):
                    self._conversation_bar()
                    self._conversation()
                    self._examples()
                with gr.Column(scale=2, min_width=300):
                    self.sources = gr.HTML(
                        SOURCES_PLACEHOLDER,
                        js_on_load=CITATION_JS,
                        label="Sources",
                        elem_id="ph-sources-panel",
                        max_height=640,
                    )
                    self._filters(kinds)
            with gr.Accordion("Answer as JSON (for developers)", open=False):
                self.answer_json = gr.JSON(None, label="Last answer", elem_id="ph-answer-json")
                self.feedback.build_api(self.answer_json)
        self._wire()

    def _conversation_bar(self) -> None:
        with gr.Row(equal_height=True, elem_classes="ph-conv-bar"):
            self.conv_menu = gr.Dropdown(
                [], value=None, label="Conversations", scale=4, elem_id="ph-conversations"
            )
            self.new_chat = gr.Button(
                "New conversation", size="sm", scale=0, min_width=150, elem_id="ph-new"
            )
            self.tools.buttons()
            self.delete = gr.Button("Delete", size="sm", scale=0, min_width=80, elem_id="ph-delete")
        self.tools.panels()

    def _conversation(self) -> None:
        self.chatbot = checked(  # a wrong history is one short error, not a logged traceback
            gr.Chatbot(
                label="Conversation",
                show_label=False,
                elem_id="ph-chatbot",
                height=470,
                placeholder=CHAT_PLACEHOLDER,
                latex_delimiters=[],
                feedback_options=("Like", "Dislike"),
                allow_tags=False,
                sanitize_html=True,
                render_markdown=True,
                buttons=["copy"],
                layout="bubble",
            )
        )
        self.feedback.build()
        self.help.build()
        self.chips.build()
        with gr.Row(elem_classes="ph-ask-row"):
            self.message = gr.Textbox(
                show_label=False,
                container=False,
                scale=8,
                max_lines=4,
                autofocus=False,
                placeholder="Ask about the Paris Region health ecosystem...",
                elem_id="ph-question",
            )
            self.send = gr.Button(
                "Send", variant="primary", scale=1, min_width=80, elem_id="ph-send"
            )
            self.stop = gr.Button(
                "Stop", variant="stop", scale=0, min_width=70, interactive=False, elem_id="ph-stop"
            )  # enabled while an answer runs

    def _examples(self) -> None:
        self.examples: list[tuple[gr.Button, str]] = []
        for examples, label in (
            (INVESTOR_EXAMPLES, "For investors"),
            (RESEARCHER_EXAMPLES, "For researchers"),
        ):
            gr.Markdown(f"**{label}**", elem_classes="ph-examples-label")
            with gr.Row(elem_classes="ph-examples"):
                for question in examples:
                    button = gr.Button(question, size="sm", elem_classes="ph-example")
                    self.examples.append((button, question))

    def _filters(self, kinds: list[tuple[str, str]]) -> None:
        with gr.Row(elem_classes="ph-tools", equal_height=True):
            self.type_filter = gr.Dropdown(
                DOC_TYPES,
                value=ANY,
                label="Document type",
                allow_custom_value=True,
                elem_id="ph-type-filter",
            )
            self.kind_filter = gr.Dropdown(
                kinds,
                value=ANY,
                label="Organisation kind",
                allow_custom_value=True,
                elem_id="ph-kind-filter",
            )

    # --- events ------------------------------------------------------------------------------
    def _wire(self) -> None:
        ask: dict[str, Any] = {
            "fn": self.page_ask,
            "inputs": [self.message, self.chatbot, self.type_filter, self.kind_filter]
            + [self.answers, self.conv_id, self.store],
            "outputs": [self.chatbot, self.sources, self.answer_json, self.message]
            + [self.answers, self.conv_id, self.store, self.conv_menu],
        }
        asks: list[Any] = [self._started(self.send.click).then(**ask, **PRIVATE)]
        submitted = self._started(self.message.submit)
        asks.append(submitted.then(api_name="ask_submit", **PRIVATE, **ask))
        for button, question in self.examples:  # asked at once, the answer brought into view
            fill = self._started(button.click, value=question, js=SHOW_ANSWER_JS)
            asks.append(fill.then(**PRIVATE, **ask))
            asks[-1].then(None, js=SHOW_ANSWER_JS)
        for button in self.help.buttons:
            fill = self._started(button.click, question=button)
            asks.append(fill.then(**PRIVATE, **ask))
        retry = self.chatbot.retry(
            before_retry,
            [self.chatbot, self.answers],
            [self.chatbot, self.answers, self.message],
            **PRIVATE,
        )
        asks.append(self._started(retry.then).then(**PRIVATE, **ask))
        for event in asks:
            event.then(self.help.shown, self.answers, self.help.outputs, **PRIVATE)
            event.then(lambda: gr.update(interactive=False), None, self.stop, **PRIVATE)
        off = {"fn": lambda: gr.update(interactive=False), "outputs": self.stop, **PRIVATE}
        self.stop.click(cancels=asks, **off)
        self._wire_conversations()
        self.feedback.wire(self.chatbot, self.answers, self.user)
        self.chips.wire(self.type_filter, self.kind_filter)

    def _started(
        self, trigger: Any, value: str = "", question: Any = None, js: str | None = None
    ) -> Any:
        """An answer starts: Stop enabled, the comment box closed and, for an example, its
        question in the box (``value``, or the text of the ``question`` button clicked)."""
        fills = bool(value) or question is not None
        outputs = [self.stop, *self.feedback.closing, *([self.message] if fills else [])]

        def start(*clicked: Any) -> tuple[Any, ...]:
            asked = [value or (clicked[0] if clicked else "")] if fills else []
            return (gr.update(interactive=True), *closed(), *asked)

        inputs = [question] if question is not None else None
        return trigger(start, inputs, outputs, js=js, **PRIVATE)

    def _wire_conversations(self) -> None:
        shown = [self.chatbot, self.answers, self.sources, self.conv_id, self.conv_menu]
        events = [
            self.new_chat.click(
                self.tab.new_conversation,
                None,
                [self.chatbot, self.sources, self.answer_json, self.feedback.status],
                api_name="new_conversation",
            ).then(lambda store: opened(None, store), self.store, shown, **PRIVATE),
            self.chatbot.clear(lambda store: opened(None, store), self.store, shown, **PRIVATE),
            self.conv_menu.input(open_conversation, [self.conv_menu, self.store], shown, **PRIVATE),
            *self.tools.wire(self.delete, shown, self.conv_id, self.store),
        ]
        for event in events:  # the help reply's examples: those of the conversation shown
            event.then(self.help.shown, self.answers, self.help.outputs, **PRIVATE)
            self.feedback.close_after(event)

    def build_api(self) -> None:
        """Hidden, made last (the other components keep their ids): ``/ask``, the API's adapter
        over the same handler as the page's events (its outputs are not the page's)."""
        with gr.Row(visible=False):
            api_ask = gr.Button("ask", visible=False)
        api_ask.click(
            self.tab.ask,
            [self.message, self.chatbot, self.type_filter, self.kind_filter],
            [self.chatbot, self.sources, self.answer_json, self.message],
            api_name="ask",
        )

    def on_load(self, app: gr.Blocks) -> None:
        def load(store: Any, user: Any) -> tuple[Any, ...]:
            """The latest conversation, and this browser's voter id (signed by the server)."""
            return (*restore(store), self.fb.voter_token(user))

        app.load(
            load,
            [self.store, self.user],
            [self.chatbot, self.answers, self.sources, self.conv_id, self.conv_menu, self.user],
            **PRIVATE,
        ).then(self.help.shown, self.answers, self.help.outputs, **PRIVATE)
