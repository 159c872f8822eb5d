"""Evaluation harness: data-driven suites, one module per metric, gates, baselines, reports.

Layout (each module has one job):

- ``suite_spec`` / ``suites``: the YAML suite files and the cases they point to;
- ``cases``: typed case rows (retrieval queries, labelled utterances, reply cases);
- ``runners/``: turn cases into observations by calling the product (engine, index, detectors);
- ``peer/``: the naive LangChain RAG pipeline we compare against ("ours vs naive");
- ``metrics/``: one small module per metric, each returning a ``MetricResult``;
- ``gates`` / ``baseline``: thresholds that fail the run, and deltas against a stored baseline;
- ``harness``: runs suites end to end; ``report/``: report.json, summary.md, report.html;
- ``importer``: help-desk CSV/JSONL exports → suite YAML + cases JSONL.
"""
