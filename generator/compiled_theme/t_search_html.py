from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'search.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'search.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_search = resolve('search')
    l_0_urls = resolve('urls')
    pass
    if (undefined(name='search') if l_0_search is missing else l_0_search):
        pass
        yield '<link rel="stylesheet" href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'search_bundle'), 'pagefind-ui.css', _block_vars=_block_vars))
        yield '">\n<script src="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'search_bundle'), 'pagefind-ui.js', _block_vars=_block_vars))
        yield '" defer></script>\n<script src="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'static'), 'search.js', _block_vars=_block_vars))
        yield '" defer></script>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_search = resolve('search')
    l_0_urls = resolve('urls')
    l_0__trans = resolve('_trans')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    yield '<header class="page-head">\n  <h1 class="page-title">Search</h1>\n'
    if (undefined(name='search') if l_0_search is missing else l_0_search):
        pass
        yield '  <p class="lede">Search every story by its words: headlines, summaries and full text.</p>\n'
    yield '</header>\n'
    if (undefined(name='search') if l_0_search is missing else l_0_search):
        pass
        yield '<div id="search" class="search-box" data-bundle="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'search_bundle'), '', _block_vars=_block_vars))
        yield '" data-base-url="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'path'), _block_vars=_block_vars))
        yield '" data-label="Search the stories">\n  <noscript><p class="notice">'
        l_0__trans = context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tags'), _block_vars=_block_vars)
        _block_vars['_trans'] = l_0__trans
        yield escape((Markup('Search runs in your browser and needs JavaScript. Without it, browse the <a href="%(tags)s">topics</a>, <a href="%(countries)s">countries</a> or the <a href="%(archive)s">archive</a>.') % {'tags': (undefined(name='_trans') if l_0__trans is missing else l_0__trans), 'countries': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'countries'), _block_vars=_block_vars), 'archive': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'archive'), _block_vars=_block_vars)}))
        yield '</p></noscript>\n</div>\n'
    else:
        pass
        yield '<p class="notice">'
        l_0__trans = context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tags'), _block_vars=_block_vars)
        _block_vars['_trans'] = l_0__trans
        yield escape((Markup('Search is unavailable on this copy of the site: it was built without the search index. Browse the <a href="%(tags)s">topics</a>, <a href="%(countries)s">countries</a> or the <a href="%(archive)s">archive</a> instead.') % {'tags': (undefined(name='_trans') if l_0__trans is missing else l_0__trans), 'countries': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'countries'), _block_vars=_block_vars), 'archive': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'archive'), _block_vars=_block_vars)}))
        yield '</p>\n'

blocks = {'head': block_head, 'main': block_main}
debug_info = '1=12&2=17&3=27&4=30&5=32&6=34&9=37&12=55&16=59&17=62&18=68&21=75'

# Generated from generator/theme/search.html by `python -m generator.render.precompiled`: do not edit.
