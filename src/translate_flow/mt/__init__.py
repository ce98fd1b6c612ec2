"""Machine pre-translation: engines behind one interface, and the adapter around them.

`engine` defines the `Engine` protocol; `adapter` wraps an engine with
timeouts, retries, concurrency, chunking, markup protection (`protect`),
output checks (`sanity`) and the cache (`cache`), and chains engines.
Engines: `memory` (translation memory), `pivot` (human sibling editions
through Apertium), `apertium`, `online` (Google, MyMemory, LibreTranslate,
Microsoft through deep-translator; DeepL through `deepl`) and `llm`
(OpenAI-compatible chat servers). `settings` reads `[mt]`; `pretranslate`
fills catalogs; `tm` and `tmx` build, import and export the memory.

This package is the only user of deep-translator and deepl.
"""
