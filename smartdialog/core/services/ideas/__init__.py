"""Ideas: captured at the tables, cleaned up by facilitators, shown on the live wall.

Every action is a function over a session that records itself in the audit
log (the change feed other laptops follow) and, where an idea changes, in the
idea's own history (``IdeaRevision``).  Each action has an inverse that is a
service too, so that the GUI's undo stack never writes SQL of its own:

    capture  <->  withdraw          edit    <->  edit (old values)
    hide     <->  unhide            merge   <->  unmerge
    set_tags / set_cluster          are their own inverse

Changes to an idea carry the version the facilitator saw (``expected_version``):
when another laptop changed the idea in between, ``ConflictError`` says so and
the caller keeps the user's text.  The row's version column (SQLAlchemy's
``version_id_col``) closes the remaining gap between reading and writing.

One module per job: ``values`` (what is handed out), ``wording`` (text and
tags), ``queries`` (reading), ``records`` (the rows an action works on),
``capture`` (capture, withdraw, edit), ``moderation`` (hide, merge) and
``tags`` (tags, clusters).  Callers use the package: ``ideas.capture(...)``.
"""

from __future__ import annotations

from smartdialog.core.services.ideas.capture import (
    capture,
    edit,
    withdraw,
)
from smartdialog.core.services.ideas.moderation import (
    REWORDED,
    hide,
    merge,
    merge_support,
    unhide,
    unmerge,
)
from smartdialog.core.services.ideas.queries import (
    consenting_authors,
    count_by_field,
    final_target,
    get_idea,
    history,
    ideas_by_id,
    list_ideas,
    merged_sources,
)
from smartdialog.core.services.ideas.tags import (
    clusters,
    set_cluster,
    set_tags,
)
from smartdialog.core.services.ideas.values import (
    CLUSTER_LIMIT,
    REASON_LIMIT,
    STATUSES,
    TAG_LIMIT,
    TEXT_LIMIT,
    AuthorChoice,
    IdeaInfo,
    RevisionInfo,
)
from smartdialog.core.services.ideas.wording import (
    check_text,
    clean_tags,
    clean_text,
    matches,
    parse_tags,
    search_key,
)

__all__ = [
    "CLUSTER_LIMIT",
    "REASON_LIMIT",
    "REWORDED",
    "STATUSES",
    "TAG_LIMIT",
    "TEXT_LIMIT",
    "AuthorChoice",
    "IdeaInfo",
    "RevisionInfo",
    "capture",
    "check_text",
    "clean_tags",
    "clean_text",
    "clusters",
    "consenting_authors",
    "count_by_field",
    "edit",
    "final_target",
    "get_idea",
    "hide",
    "history",
    "ideas_by_id",
    "list_ideas",
    "matches",
    "merge",
    "merge_support",
    "merged_sources",
    "parse_tags",
    "search_key",
    "set_cluster",
    "set_tags",
    "unhide",
    "unmerge",
    "withdraw",
]
