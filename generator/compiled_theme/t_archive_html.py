from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'archive.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'archive.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_urls = resolve('urls')
    l_0_months = resolve('months')
    l_0__trans = missing
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_2 = environment.filters['theme_plural_en']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'theme_plural_en' found.")
    pass
    yield '<header class="page-head">\n  <h1 class="page-title">Archive</h1>\n  <p class="lede">'
    l_0__trans = context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'digests'), _block_vars=_block_vars)
    _block_vars['_trans'] = l_0__trans
    yield escape((Markup('Every story, month by month. Each day also has its own <a href="%(digests)s">digest</a>.') % {'digests': (undefined(name='_trans') if l_0__trans is missing else l_0__trans)}))
    yield '</p>\n</header>\n<ul class="archive-list">\n'
    for (l_1_month, l_1_href, l_1_count) in (undefined(name='months') if l_0_months is missing else l_0_months):
        _loop_vars = {}
        pass
        yield '  <li><a href="'
        yield escape(l_1_href)
        yield '">'
        yield escape(l_1_month)
        yield '</a> <span class="count">'
        yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s story', '%(count)s stories'), t_2(l_1_count))) % {'num': l_1_count, 'count': l_1_count}))
        yield '</span></li>\n'
    l_1_month = l_1_href = l_1_count = missing
    yield '</ul>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&5=43&8=45&9=49'

# Generated from generator/theme/archive.html by `python -m generator.render.precompiled`: do not edit.
