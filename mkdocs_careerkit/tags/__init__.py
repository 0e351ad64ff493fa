"""Tag taxonomy: allowed tags with descriptions, groups, aliases and deprecations; checks of
every page's tags at their line; canonical tags in ``page.meta`` for Material's tags plugin; a
tag index at ``<!-- careerkit/tags -->``.

The modules follow the project's shape: ``taxonomy`` (YAML file → model + findings), ``locate``
(where a tag is written), ``check`` (page tags → findings), ``render`` (tag index elements),
``adapter`` and ``feature`` (MkDocs).
"""
