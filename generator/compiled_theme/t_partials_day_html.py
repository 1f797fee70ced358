from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/day.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_topics = resolve('topics')
    l_0_lead_columns = l_0_columns = missing
    try:
        t_1 = environment.filters['day_columns']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'day_columns' found.")
    try:
        t_2 = environment.filters['human_day']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'human_day' found.")
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
    yield '<div class="topics">\n'
    (l_0_lead_columns, l_0_columns) = t_1((undefined(name='topics') if l_0_topics is missing else l_0_topics))
    context.vars.update({'columns': l_0_columns, 'lead_columns': l_0_lead_columns})
    context.exported_vars.update(('columns', 'lead_columns'))
    l_1_loop = missing
    for l_1_group, l_1_loop in LoopContext((undefined(name='topics') if l_0_topics is missing else l_0_topics), undefined):
        l_1_group_id = resolve('group_id')
        l_1_day_label = resolve('day_label')
        l_1_level = resolve('level')
        l_1_urls = resolve('urls')
        l_1_day = resolve('day')
        l_1_group_first = missing
        _loop_vars = {}
        pass
        yield '<section class="topic-group'
        if environment.getattr(l_1_loop, 'first'):
            pass
            yield ' topic-lead columns-'
            yield escape((undefined(name='lead_columns') if l_0_lead_columns is missing else l_0_lead_columns))
        yield '" aria-labelledby="'
        yield escape((undefined(name='group_id') if l_1_group_id is missing else l_1_group_id))
        yield '-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield escape((undefined(name='day_label') if l_1_day_label is missing else l_1_day_label))
        yield '">\n  <h'
        yield escape((undefined(name='level') if l_1_level is missing else l_1_level))
        yield ' class="kicker topic-heading" id="'
        yield escape((undefined(name='group_id') if l_1_group_id is missing else l_1_group_id))
        yield '-'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '">'
        if environment.getattr(l_1_group, 'tag'):
            pass
            yield '<a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'tag'), environment.getattr(l_1_group, 'tag'), _loop_vars=_loop_vars))
            yield '" dir="auto">'
            yield escape(environment.getattr(environment.getattr(l_1_group, 'tag'), 'name'))
            yield '</a>'
        else:
            pass
            yield 'Other news'
        yield ' <span class="count">'
        yield escape(environment.getattr(l_1_group, 'count'))
        yield '</span></h'
        yield escape((undefined(name='level') if l_1_level is missing else l_1_level))
        yield '>\n  <ul class="stories">\n'
        l_1_group_first = environment.getattr(l_1_loop, 'first')
        _loop_vars['group_first'] = l_1_group_first
        l_2_loop = missing
        for l_2_item, l_2_loop in LoopContext(environment.getattr(l_1_group, 'articles'), undefined):
            _loop_vars = {}
            pass
            l_3_lead = ((undefined(name='group_first') if l_1_group_first is missing else l_1_group_first) and environment.getattr(l_2_loop, 'first'))
            l_3_in_day = True
            pass
            template = environment.get_template('partials/story.html', 'partials/day.html')
            gen = template.root_render_func(template.new_context(context.get_all(), True, {'in_day': l_3_in_day, 'lead': l_3_lead, 'item': l_2_item, 'loop': l_2_loop, 'group': l_1_group, 'group_first': l_1_group_first, 'columns': l_0_columns, 'lead_columns': l_0_lead_columns}))
            try:
                for event in gen:
                    yield event
            finally: gen.close()
            l_3_lead = l_3_in_day = missing
        l_2_loop = l_2_item = missing
        yield '  </ul>\n'
        if environment.getattr(l_1_group, 'more'):
            pass
            yield '<p class="more-in-topic"><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_1_urls is missing else l_1_urls), 'digest'), (undefined(name='day') if l_1_day is missing else l_1_day), _loop_vars=_loop_vars))
            yield '">'
            yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s more in %(topic)s<span class="visually-hidden"> on %(day)s</span>', '%(count)s more in %(topic)s<span class="visually-hidden"> on %(day)s</span>'), t_4(environment.getattr(l_1_group, 'more')))) % {'num': environment.getattr(l_1_group, 'more'), 'count': environment.getattr(l_1_group, 'more'), 'topic': (environment.getattr(environment.getattr(l_1_group, 'tag'), 'name') if environment.getattr(l_1_group, 'tag') else Markup('Other news')), 'day': t_2(context, (undefined(name='day') if l_1_day is missing else l_1_day))}))
            yield '</a></p>'
        yield '</section>\n'
        if (environment.getattr(l_1_loop, 'first') and (not environment.getattr(l_1_loop, 'last'))):
            pass
            yield '<div class="topic-columns columns-'
            yield escape((undefined(name='columns') if l_0_columns is missing else l_0_columns))
            yield '">\n'
        if (environment.getattr(l_1_loop, 'last') and (not environment.getattr(l_1_loop, 'first'))):
            pass
            yield '</div>\n'
    l_1_loop = l_1_group = l_1_group_id = l_1_day_label = l_1_level = l_1_urls = l_1_group_first = l_1_day = missing
    yield '</div>\n'

blocks = {}
debug_info = '8=38&9=42&10=52&11=62&13=83&14=86&15=92&18=101&20=109&21=112&23=114'

# Generated from generator/theme/partials/day.html by `python -m generator.render.precompiled`: do not edit.
