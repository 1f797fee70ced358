from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terms.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'terms.html')
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
    l_0_kind = resolve('kind')
    l_0_title = resolve('title')
    l_0_terms = resolve('terms')
    l_0_titles = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
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
    yield '<header class="page-head">\n'
    l_0_titles = {'topics': Markup('Topics'), 'countries': Markup('Countries'), 'authors': Markup('Authors')}
    _block_vars['titles'] = l_0_titles
    yield '  <h1 class="page-title">'
    yield escape(context.call(environment.getattr((undefined(name='titles') if l_0_titles is missing else l_0_titles), 'get'), (undefined(name='kind') if l_0_kind is missing else l_0_kind), (undefined(name='title') if l_0_title is missing else l_0_title), _block_vars=_block_vars))
    yield '</h1>\n  <p class="lede">'
    if ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'topics'):
        pass
        yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s topic, the most covered first, with its number of stories.', '%(count)s topics, the most covered first, with their number of stories.'), t_3(t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms))))) % {'num': t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms)), 'count': t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms))}))
    elif ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'countries'):
        pass
        yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s country, by name, with its number of stories.', '%(count)s countries, by name, with their number of stories.'), t_3(t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms))))) % {'num': t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms)), 'count': t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms))}))
    elif ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'authors'):
        pass
        yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s author, by name, with their number of stories.', '%(count)s authors, by name, with their number of stories.'), t_3(t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms))))) % {'num': t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms)), 'count': t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms))}))
    else:
        pass
        yield escape(t_1((undefined(name='terms') if l_0_terms is missing else l_0_terms)))
        yield ' '
        yield escape((undefined(name='kind') if l_0_kind is missing else l_0_kind))
        yield ', by name, with their number of stories.'
    yield '</p>\n</header>\n'
    template = environment.get_template('partials/terms.html', 'terms.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'titles': l_0_titles}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {'main': block_main}
debug_info = '1=12&2=17&4=48&5=51&6=53&8=69'

# Generated from generator/theme/terms.html by `python -m generator.render.precompiled`: do not edit.
