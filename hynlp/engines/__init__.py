"""Where extraction runs: in this process, in local worker processes, or on Ray.

Every engine turns :class:`~hynlp.engines.work.WorkItem` objects into
outcomes (an ExtractionResult or an ErrorRecord) with the same function,
:func:`~hynlp.engines.work.process_item`, so their results are equal.
"""
