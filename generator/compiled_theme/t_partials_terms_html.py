from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/terms.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_terms = resolve('terms')
    try:
        t_1 = environment.filters['theme_plural_en']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'theme_plural_en' found.")
    try:
        t_2 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<ul class="term-list">\n'
    for l_1_term in (undefined(name='terms') if l_0_terms is missing else l_0_terms):
        l_1_term_prefix = resolve('term_prefix')
        _loop_vars = {}
        pass
        yield '  <li><a href="'
        yield escape(environment.getattr(l_1_term, 'href'))
        yield '" dir="auto">'
        if t_2((undefined(name='term_prefix') if l_1_term_prefix is missing else l_1_term_prefix)):
            pass
            yield '<span class="visually-hidden">'
            yield escape((undefined(name='term_prefix') if l_1_term_prefix is missing else l_1_term_prefix))
            yield '</span>'
        yield escape(environment.getattr(l_1_term, 'name'))
        yield '</a> <span class="count">'
        yield escape(environment.getattr(l_1_term, 'count'))
        yield '<span class="visually-hidden"> '
        yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('story', 'stories'), t_1(environment.getattr(l_1_term, 'count')))) % {'num': environment.getattr(l_1_term, 'count'), 'count': environment.getattr(l_1_term, 'count')}))
        yield '</span></span></li>\n'
    l_1_term = l_1_term_prefix = missing
    yield '</ul>\n'

blocks = {}
debug_info = '4=25&5=30'

# Generated from generator/theme/partials/terms.html by `python -m generator.render.precompiled`: do not edit.
