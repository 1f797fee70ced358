from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'serve-error.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'serve-error.html')
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

def block_meta(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '<meta name="robots" content="noindex">\n'

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '<style>\n.build-error { margin: 1.5rem 0; }\n.build-error pre { overflow-x: auto; white-space: pre-wrap; padding: .75rem 1rem; border-radius: .25rem; background: color-mix(in srgb, currentColor 7%, transparent); }\n.build-error figure { margin: .5rem 0 0; }\n.build-error figcaption { font-family: ui-monospace, monospace; font-size: .9em; }\n.build-error .source { white-space: pre; }\n.build-error .line-number { display: inline-block; min-width: 3.5em; padding-right: .75em; text-align: right; opacity: .7; user-select: none; }\n.build-error mark { font-weight: bold; }\n</style>\n'

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_problems = resolve('problems')
    l_0_failures = resolve('failures')
    pass
    yield '<header class="page-head">\n  <p class="kicker">newsdigest serve</p>\n  <h1 class="page-title">Build failed</h1>\n</header>\n<p>newsdigest could not build the site. Fix the '
    yield escape((undefined(name='problems') if l_0_problems is missing else l_0_problems))
    yield ' below and save: this page reloads by itself when the build works again.</p>\n'
    for l_1_failure in (undefined(name='failures') if l_0_failures is missing else l_0_failures):
        _loop_vars = {}
        pass
        yield '<section class="build-error">\n<pre class="message">'
        yield escape(environment.getattr(l_1_failure, 'message'))
        yield '</pre>\n'
        if environment.getattr(l_1_failure, 'lines'):
            pass
            yield '<figure>\n<figcaption>'
            yield escape(environment.getattr(l_1_failure, 'file'))
            yield '</figcaption>\n<pre class="source"><code>'
            for l_2_line in environment.getattr(l_1_failure, 'lines'):
                _loop_vars = {}
                pass
                yield '<span class="line"><span class="line-number">'
                yield escape(environment.getattr(l_2_line, 'number'))
                yield '</span>'
                if environment.getattr(l_2_line, 'offending'):
                    pass
                    yield '<mark>'
                    yield escape(environment.getattr(l_2_line, 'text'))
                    yield '</mark>'
                else:
                    pass
                    yield escape(environment.getattr(l_2_line, 'text'))
                yield '</span>\n'
            l_2_line = missing
            yield '</code></pre>\n</figure>\n'
        yield '</section>\n'
    l_1_failure = missing

blocks = {'canonical': block_canonical, 'meta': block_meta, 'head': block_head, 'main': block_main}
debug_info = '4=12&5=17&6=26&8=36&18=46&23=57&24=59&26=63&27=65&29=68&30=70'

# Generated from generator/theme/serve-error.html by `python -m generator.render.precompiled`: do not edit.
