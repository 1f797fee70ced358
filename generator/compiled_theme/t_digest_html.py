from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'digest.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'digest.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_layout(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'wide'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_day = resolve('day')
    l_0_count = resolve('count')
    l_0_digest_feed = resolve('digest_feed')
    l_0_newer = resolve('newer')
    l_0_urls = resolve('urls')
    l_0_arrow = resolve('arrow')
    l_0_older = resolve('older')
    try:
        t_1 = environment.filters['human_day']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'human_day' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_3 = environment.filters['theme_plural_en']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'theme_plural_en' found.")
    pass
    yield '<header class="page-head">\n  <p class="kicker">Daily digest</p>\n  <h1 class="page-title">'
    yield escape(t_1(context, (undefined(name='day') if l_0_day is missing else l_0_day)))
    yield '</h1>\n  <p class="lede">'
    yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s story, grouped by topic', '%(count)s stories, grouped by topic'), t_3((undefined(name='count') if l_0_count is missing else l_0_count)))) % {'num': (undefined(name='count') if l_0_count is missing else l_0_count), 'count': (undefined(name='count') if l_0_count is missing else l_0_count)}))
    yield ' · <a href="'
    yield escape(environment.getattr((undefined(name='digest_feed') if l_0_digest_feed is missing else l_0_digest_feed), 'href'))
    yield '">Get the digest by RSS</a></p>\n</header>\n'
    l_1_group_id = 't'
    l_1_day_label = ''
    l_1_level = 2
    pass
    template = environment.get_template('partials/day.html', 'digest.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'day_label': l_1_day_label, 'group_id': l_1_group_id, 'level': l_1_level}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_group_id = l_1_day_label = l_1_level = missing
    yield '<nav class="pagination" aria-label="Days">\n'
    if (undefined(name='newer') if l_0_newer is missing else l_0_newer):
        pass
        yield '<a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'digest'), (undefined(name='newer') if l_0_newer is missing else l_0_newer), _block_vars=_block_vars))
        yield '">'
        yield escape(context.call((undefined(name='arrow') if l_0_arrow is missing else l_0_arrow), 'start', _block_vars=_block_vars))
        yield ' '
        yield escape(t_1(context, (undefined(name='newer') if l_0_newer is missing else l_0_newer)))
        yield '</a>'
    if (undefined(name='older') if l_0_older is missing else l_0_older):
        pass
        yield '<a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'digest'), (undefined(name='older') if l_0_older is missing else l_0_older), _block_vars=_block_vars))
        yield '">'
        yield escape(t_1(context, (undefined(name='older') if l_0_older is missing else l_0_older)))
        yield ' '
        yield escape(context.call((undefined(name='arrow') if l_0_arrow is missing else l_0_arrow), 'end', _block_vars=_block_vars))
        yield '</a>'
    yield '</nav>\n'

blocks = {'layout': block_layout, 'main': block_main}
debug_info = '1=12&2=17&3=27&6=61&7=63&9=71&11=79&12=88'

# Generated from generator/theme/digest.html by `python -m generator.render.precompiled`: do not edit.
