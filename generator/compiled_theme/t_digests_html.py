from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'digests.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'digests.html')
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
    l_0_digest_feed = resolve('digest_feed')
    l_0_entries = resolve('entries')
    l_0_page = resolve('page')
    l_0_prev_url = resolve('prev_url')
    l_0_arrow = resolve('arrow')
    l_0_next_url = resolve('next_url')
    try:
        t_1 = environment.filters['human_day']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'human_day' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_4 = environment.filters['theme_plural_en']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'theme_plural_en' found.")
    pass
    yield '<header class="page-head">\n  <p class="kicker">Daily digest</p>\n  <h1 class="page-title">Every day\'s digest</h1>\n  <p class="lede">Each day\'s stories, grouped by topic, newest day first · <a href="'
    yield escape(environment.getattr((undefined(name='digest_feed') if l_0_digest_feed is missing else l_0_digest_feed), 'href'))
    yield '">Get the digest by RSS</a></p>\n</header>\n<ul class="archive-list digest-list">\n'
    t_5 = 1
    for (l_1_day, l_1_count, l_1_names) in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        l_1_urls = resolve('urls')
        _loop_vars = {}
        pass
        yield '  <li><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'digest'), l_1_day, _loop_vars=_loop_vars))
        yield '">'
        yield escape(t_1(context, l_1_day))
        yield '</a> <span class="count">'
        yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s story', '%(count)s stories'), t_4(l_1_count))) % {'num': l_1_count, 'count': l_1_count}))
        if l_1_names:
            pass
            yield ': '
            yield escape(t_2(context.eval_ctx, l_1_names, Markup(', ')))
        yield '</span></li>\n'
        t_5 = 0
    l_1_day = l_1_count = l_1_names = l_1_urls = missing
    if t_5:
        pass
        yield '  <li>No stories yet.</li>\n'
    yield '</ul>\n'
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'count') > 1):
        pass
        yield '<nav class="pagination" aria-label="Pages">\n'
        if (undefined(name='prev_url') if l_0_prev_url is missing else l_0_prev_url):
            pass
            yield '<a rel="prev" href="'
            yield escape((undefined(name='prev_url') if l_0_prev_url is missing else l_0_prev_url))
            yield '">'
            yield escape(context.call((undefined(name='arrow') if l_0_arrow is missing else l_0_arrow), 'start', _block_vars=_block_vars))
            yield ' Newer days</a>'
        yield '  <span class="page-of">'
        yield escape((Markup('Page %(number)s of %(count)s') % {'number': environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'number'), 'count': environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'count')}))
        yield '</span>\n'
        if (undefined(name='next_url') if l_0_next_url is missing else l_0_next_url):
            pass
            yield '<a rel="next" href="'
            yield escape((undefined(name='next_url') if l_0_next_url is missing else l_0_next_url))
            yield '">Older days '
            yield escape(context.call((undefined(name='arrow') if l_0_arrow is missing else l_0_arrow), 'end', _block_vars=_block_vars))
            yield '</a>'
        yield '</nav>\n'

blocks = {'main': block_main}
debug_info = '1=12&2=17&6=56&9=59&10=64&15=80&17=83&18=91&19=93'

# Generated from generator/theme/digests.html by `python -m generator.render.precompiled`: do not edit.
