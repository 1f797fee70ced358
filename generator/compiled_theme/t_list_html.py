from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'list.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'list.html')
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
    l_0_author = resolve('author')
    l_0_authors_index = resolve('authors_index')
    l_0_kind = resolve('kind')
    l_0_heading = resolve('heading')
    l_0_total = resolve('total')
    l_0_page = resolve('page')
    l_0_own_feed = resolve('own_feed')
    try:
        t_1 = environment.filters['author_photo']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'author_photo' found.")
    try:
        t_2 = environment.filters['theme_plural_en']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'theme_plural_en' found.")
    try:
        t_3 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<header class="page-head">\n  <p class="kicker">'
    if t_3((undefined(name='author') if l_0_author is missing else l_0_author)):
        pass
        yield '<a href="'
        yield escape((undefined(name='authors_index') if l_0_authors_index is missing else l_0_authors_index))
        yield '">'
        yield escape((undefined(name='kind') if l_0_kind is missing else l_0_kind))
        yield '</a>'
    else:
        pass
        yield escape((undefined(name='kind') if l_0_kind is missing else l_0_kind))
    yield '</p>\n  <h1 class="page-title" dir="auto">'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</h1>\n  <p class="lede">'
    yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s story', '%(count)s stories'), t_2((undefined(name='total') if l_0_total is missing else l_0_total)))) % {'num': (undefined(name='total') if l_0_total is missing else l_0_total), 'count': (undefined(name='total') if l_0_total is missing else l_0_total)}))
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'count') > 1):
        pass
        yield ' · '
        yield escape((Markup('page %(number)s of %(count)s') % {'number': environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'number'), 'count': environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'count')}))
    if (undefined(name='own_feed') if l_0_own_feed is missing else l_0_own_feed):
        pass
        yield ' · <a class="feed-link" href="'
        yield escape(environment.getattr((undefined(name='own_feed') if l_0_own_feed is missing else l_0_own_feed), 'href'))
        yield '">'
        yield escape((Markup('RSS feed<span class="visually-hidden"> for %(heading)s</span>') % {'heading': (undefined(name='heading') if l_0_heading is missing else l_0_heading)}))
        yield '</a>'
    yield '</p>\n</header>\n'
    if (t_3((undefined(name='author') if l_0_author is missing else l_0_author)) and (((environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'bio') or environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'picture')) or environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'url')) or environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'fediverse'))):
        pass
        yield '<section class="author-card" aria-label="'
        yield escape((Markup('About %(name)s') % {'name': environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'name')}))
        yield '">\n  '
        yield escape(t_1((undefined(name='author') if l_0_author is missing else l_0_author)))
        yield '\n'
        if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'bio'):
            pass
            yield '<p class="author-bio" dir="auto">'
            yield escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'bio'))
            yield '</p>'
        if (environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'url') or environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'fediverse')):
            pass
            yield '<p class="author-links">'
            if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'url'):
                pass
                yield '<a href="'
                yield escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'url'))
                yield '" rel="me noopener">'
                yield escape((Markup("%(name)s's website") % {'name': environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'name')}))
                yield '</a>'
            if (environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'url') and environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'fediverse')):
                pass
                yield ' · '
            if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'fediverse'):
                pass
                yield '<a href="'
                yield escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'fediverse_url'))
                yield '" rel="me noopener">'
                yield escape((Markup('Fediverse: %(address)s') % {'address': environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'fediverse')}))
                yield '</a>'
            yield '</p>'
        yield '</section>\n'
    yield '<div class="cards">\n'
    for l_1_item in environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'articles'):
        _loop_vars = {}
        pass
        template = environment.get_template('partials/card.html', 'list.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'item': l_1_item}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    l_1_item = missing
    yield '</div>\n'
    template = environment.get_template('partials/pagination.html', 'list.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {'main': block_main}
debug_info = '1=12&2=17&4=51&5=62&6=64&8=77&9=80&10=82&11=84&12=89&16=112&17=115&20=123'

# Generated from generator/theme/list.html by `python -m generator.render.precompiled`: do not edit.
