from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/corrections.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_article = resolve('article')
    l_0_ngettext = resolve('ngettext')
    try:
        t_1 = environment.filters['dateline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'dateline' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['time_attr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'time_attr' found.")
    pass
    if environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'corrections'):
        pass
        yield '  <aside class="corrections" aria-labelledby="article-corrections">\n    <h2 id="article-corrections">'
        yield escape(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'Correction', 'Corrections', t_2(environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'corrections'))))
        yield '</h2>\n'
        for l_1_correction in environment.getattr((undefined(name='article') if l_0_article is missing else l_0_article), 'corrections'):
            l_1_when = missing
            _loop_vars = {}
            pass
            t_4 = []
            pass
            t_4.extend((
                '<time datetime="',
                escape(t_3(environment.getattr(l_1_correction, 'date'), environment.getattr(l_1_correction, 'has_time'))),
                '">',
                escape(t_1(context, environment.getattr(l_1_correction, 'date'), environment.getattr(l_1_correction, 'has_time'))),
                '</time>',
            ))
            l_1_when = (Markup if context.eval_ctx.autoescape else identity)(concat(t_4))
            _loop_vars['when'] = l_1_when
            yield '    <p class="correction"><strong>'
            yield escape((Markup('Correction, %(when)s:') % {'when': (undefined(name='when') if l_1_when is missing else l_1_when)}))
            yield '</strong> <span dir="auto">'
            yield escape(environment.getattr(l_1_correction, 'text'))
            yield '</span></p>\n'
        l_1_correction = l_1_when = missing
        yield '  </aside>\n'

blocks = {}
debug_info = '2=31&4=34&5=36&6=44&7=52'

# Generated from generator/theme/partials/corrections.html by `python -m generator.render.precompiled`: do not edit.
