from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/story.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lead = resolve('lead')
    l_0_item = resolve('item')
    l_0_top_story = resolve('top_story')
    l_0_card_sizes = resolve('card_sizes')
    l_0_lang_attrs = resolve('lang_attrs')
    l_0_urls = resolve('urls')
    l_0_in_day = resolve('in_day')
    l_0_when = missing
    try:
        t_1 = environment.filters['img_attrs']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'img_attrs' found.")
    try:
        t_2 = environment.filters['listed_time']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'listed_time' found.")
    try:
        t_3 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_4 = environment.filters['time_attr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'time_attr' found.")
    try:
        t_5 = environment.filters['time_of_day']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'time_of_day' found.")
    try:
        t_6 = environment.filters['webp_source']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'webp_source' found.")
    try:
        t_7 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<li class="story'
    if (undefined(name='lead') if l_0_lead is missing else l_0_lead):
        pass
        yield ' story-lead'
        if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'):
            pass
            yield ' story-lead-image'
    yield '"'
    if (((undefined(name='lead') if l_0_lead is missing else l_0_lead) and t_7((undefined(name='top_story') if l_0_top_story is missing else l_0_top_story))) and (undefined(name='top_story') if l_0_top_story is missing else l_0_top_story)):
        pass
        yield ' id="top-story"'
    yield '>\n'
    if ((undefined(name='lead') if l_0_lead is missing else l_0_lead) and environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image')):
        pass
        yield '<picture>'
        yield escape(t_6(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'), (undefined(name='card_sizes') if l_0_card_sizes is missing else l_0_card_sizes)))
        yield '<img class="story-image" '
        yield escape(t_1(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'), (undefined(name='card_sizes') if l_0_card_sizes is missing else l_0_card_sizes)))
        yield ' alt="'
        yield escape(environment.getattr(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'), 'alt'))
        yield '"'
        yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='item') if l_0_item is missing else l_0_item)))
        yield ' loading="lazy" decoding="async"></picture>'
    yield '  <a class="story-title" href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'article'), (undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '"'
    yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '>'
    yield escape(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'title'))
    yield '</a>\n'
    if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'summary'):
        pass
        yield '<p class="story-summary"'
        yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='item') if l_0_item is missing else l_0_item)))
        yield '>'
        yield escape(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'summary'))
        yield '</p>'
    l_0_when = (t_5(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date'), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date_has_time')) if (t_7((undefined(name='in_day') if l_0_in_day is missing else l_0_in_day)) and (undefined(name='in_day') if l_0_in_day is missing else l_0_in_day)) else t_2(context, environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date'), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date_has_time')))
    context.vars['when'] = l_0_when
    context.exported_vars.add('when')
    yield '  <p class="meta"><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'country'), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'country')))
    yield '" dir="auto"><span class="visually-hidden">Country: </span>'
    yield escape(environment.getattr(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'country'), 'name'))
    yield '</a>'
    if (undefined(name='when') if l_0_when is missing else l_0_when):
        pass
        yield ' · <time datetime="'
        yield escape(t_4(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date'), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date_has_time')))
        yield '">'
        yield escape((undefined(name='when') if l_0_when is missing else l_0_when))
        yield '</time>'
    yield '</p>\n</li>\n'

blocks = {}
debug_info = '1=62&2=73&3=85&4=91&6=98&7=102'

# Generated from generator/theme/partials/story.html by `python -m generator.render.precompiled`: do not edit.
