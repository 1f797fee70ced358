from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'partials/card.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_item = resolve('item')
    l_0_topic = resolve('topic')
    l_0_urls = resolve('urls')
    l_0_lang_attrs = resolve('lang_attrs')
    l_0_card_sizes = resolve('card_sizes')
    l_0_tag = l_0_meta = missing
    try:
        t_1 = environment.filters['byline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'byline' found.")
    try:
        t_2 = environment.filters['card_meta']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'card_meta' found.")
    try:
        t_3 = environment.filters['img_attrs']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'img_attrs' found.")
    try:
        t_4 = environment.filters['kicker']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'kicker' found.")
    try:
        t_5 = environment.filters['listed_time']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'listed_time' found.")
    try:
        t_6 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_7 = environment.filters['time_attr']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'time_attr' found.")
    try:
        t_8 = environment.filters['webp_source']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'webp_source' found.")
    try:
        t_9 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '<article class="card'
    if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'):
        pass
        yield ' card-with-image'
    yield '">\n  <div class="card-text">\n'
    l_0_tag = t_4((undefined(name='item') if l_0_item is missing else l_0_item), ((undefined(name='topic') if l_0_topic is missing else l_0_topic) if t_9((undefined(name='topic') if l_0_topic is missing else l_0_topic)) else None))
    context.vars['tag'] = l_0_tag
    context.exported_vars.add('tag')
    if (undefined(name='tag') if l_0_tag is missing else l_0_tag):
        pass
        yield '<p class="kicker"><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tag'), (undefined(name='tag') if l_0_tag is missing else l_0_tag)))
        yield '" dir="auto">'
        yield escape(environment.getattr((undefined(name='tag') if l_0_tag is missing else l_0_tag), 'name'))
        yield '</a></p>'
    yield '    <h2 class="card-title"'
    yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'article'), (undefined(name='item') if l_0_item is missing else l_0_item)))
    yield '">'
    yield escape(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'title'))
    yield '</a></h2>\n'
    if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'summary'):
        pass
        yield '<p class="story-summary"'
        yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='item') if l_0_item is missing else l_0_item)))
        yield '>'
        yield escape(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'summary'))
        yield '</p>'
    yield '    <p class="meta">'
    l_0_meta = t_2(context, (undefined(name='item') if l_0_item is missing else l_0_item))
    context.vars['meta'] = l_0_meta
    context.exported_vars.add('meta')
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'country'):
        pass
        yield '<a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'country'), environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'country')))
        yield '" dir="auto"><span class="visually-hidden">Country: </span>'
        yield escape(environment.getattr(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'country'), 'name'))
        yield '</a> · '
    yield '<time datetime="'
    yield escape(t_7(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date'), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date_has_time')))
    yield '">'
    yield escape(t_5(context, environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date'), environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'date_has_time')))
    yield '</time>'
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'bylines'):
        pass
        yield ' · By '
        for (l_1_person, l_1_after) in t_1(context, environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'bylines')):
            l_1_author_url = resolve('author_url')
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='author_url') if l_1_author_url is missing else l_1_author_url), l_1_person, _loop_vars=_loop_vars))
            yield '" dir="auto">'
            yield escape(environment.getattr(l_1_person, 'name'))
            yield '</a>'
            yield escape(l_1_after)
        l_1_person = l_1_after = l_1_author_url = missing
    yield '</p>\n  </div>\n'
    if environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'):
        pass
        yield '<picture>'
        yield escape(t_8(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'), (undefined(name='card_sizes') if l_0_card_sizes is missing else l_0_card_sizes)))
        yield '<img class="card-image" '
        yield escape(t_3(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'), (undefined(name='card_sizes') if l_0_card_sizes is missing else l_0_card_sizes)))
        yield ' alt="'
        yield escape(environment.getattr(environment.getattr((undefined(name='item') if l_0_item is missing else l_0_item), 'image'), 'alt'))
        yield '"'
        yield escape(context.call((undefined(name='lang_attrs') if l_0_lang_attrs is missing else l_0_lang_attrs), (undefined(name='item') if l_0_item is missing else l_0_item)))
        yield ' loading="lazy" decoding="async"></picture>'
    yield '</article>\n'

blocks = {}
debug_info = '1=72&3=76&4=79&5=87&6=93&7=101&9=131'

# Generated from generator/theme/partials/card.html by `python -m generator.render.precompiled`: do not edit.
