from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '404.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', '404.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_canonical(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_robots(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'noindex, max-image-preview:large'

def block_meta(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

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
    yield '<header class="page-head">\n  <p class="kicker">Error 404</p>\n  <h1 class="page-title">Page not found</h1>\n</header>\n<p>The page you asked for is not here. It may have moved, or the address may be mistyped.</p>\n<p>'
    if (undefined(name='search') if l_0_search is missing else l_0_search):
        pass
        l_0__trans = context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'home'), _block_vars=_block_vars)
        _block_vars['_trans'] = l_0__trans
        yield escape((Markup('<a href="%(home)s">Go to the latest digest</a>, browse <a href="%(tags)s">topics</a> or the <a href="%(archive)s">archive</a>, or <a href="%(search)s">search</a>.') % {'home': (undefined(name='_trans') if l_0__trans is missing else l_0__trans), 'tags': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tags'), _block_vars=_block_vars), 'archive': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'archive'), _block_vars=_block_vars), 'search': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'search'), _block_vars=_block_vars)}))
    else:
        pass
        l_0__trans = context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'home'), _block_vars=_block_vars)
        _block_vars['_trans'] = l_0__trans
        yield escape((Markup('<a href="%(home)s">Go to the latest digest</a>, browse <a href="%(tags)s">topics</a> or the <a href="%(archive)s">archive</a>.') % {'home': (undefined(name='_trans') if l_0__trans is missing else l_0__trans), 'tags': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tags'), _block_vars=_block_vars), 'archive': context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'archive'), _block_vars=_block_vars)}))
    yield '</p>\n'

blocks = {'canonical': block_canonical, 'robots': block_robots, 'meta': block_meta, 'main': block_main}
debug_info = '1=12&2=17&3=26&4=36&5=45&11=63&11=67&11=72'

# Generated from generator/theme/404.html by `python -m generator.render.precompiled`: do not edit.
