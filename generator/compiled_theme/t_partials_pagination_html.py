from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/pagination.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_page = resolve('page')
    l_0_prev_url = resolve('prev_url')
    l_0_arrow = resolve('arrow')
    l_0_next_url = resolve('next_url')
    try:
        t_1 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    pass
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'count') > 1):
        pass
        yield '<nav class="pagination" aria-label="Pages">\n'
        if (undefined(name='prev_url') if l_0_prev_url is missing else l_0_prev_url):
            pass
            yield '<a rel="prev" href="'
            yield escape((undefined(name='prev_url') if l_0_prev_url is missing else l_0_prev_url))
            yield '">'
            yield escape(context.call((undefined(name='arrow') if l_0_arrow is missing else l_0_arrow), 'start'))
            yield ' Newer stories</a>'
        yield '  <span class="page-of">'
        yield escape((Markup('Page %(number)s of %(count)s') % {'number': environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'number'), 'count': environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'count')}))
        yield '</span>\n'
        if (undefined(name='next_url') if l_0_next_url is missing else l_0_next_url):
            pass
            yield '<a rel="next" href="'
            yield escape((undefined(name='next_url') if l_0_next_url is missing else l_0_next_url))
            yield '">Older stories '
            yield escape(context.call((undefined(name='arrow') if l_0_arrow is missing else l_0_arrow), 'end'))
            yield '</a>'
        yield '</nav>\n'

blocks = {}
debug_info = '1=21&3=24&4=32&5=34'

# Generated from generator/theme/partials/pagination.html by `python -m generator.render.precompiled`: do not edit.
