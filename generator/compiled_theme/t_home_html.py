from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'home.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'home.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_layout(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'wide'

def block_skip_target(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_days = resolve('days')
    pass
    yield escape(('top-story' if (undefined(name='days') if l_0_days is missing else l_0_days) else 'main'))

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_languages = resolve('languages')
    pass
    for l_1_other in (undefined(name='languages') if l_0_languages is missing else l_0_languages):
        _loop_vars = {}
        pass
        yield '<link rel="alternate" hreflang="'
        yield escape(environment.getattr(l_1_other, 'language'))
        yield '" href="'
        yield escape(environment.getattr(l_1_other, 'href'))
        yield '">\n'
    l_1_other = missing
    for l_1_other in (undefined(name='languages') if l_0_languages is missing else l_0_languages)[:1]:
        _loop_vars = {}
        pass
        yield '<link rel="alternate" hreflang="x-default" href="'
        yield escape(environment.getattr(l_1_other, 'href'))
        yield '">\n'
    l_1_other = missing

def block_main(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_languages = resolve('languages')
    l_0_top_topics = resolve('top_topics')
    l_0_days = resolve('days')
    l_0_older = resolve('older')
    l_0_urls = resolve('urls')
    l_0_topics = resolve('topics')
    l_0_countries = resolve('countries')
    l_0_digest_feed = resolve('digest_feed')
    l_0_main_feed = resolve('main_feed')
    l_0_site_name = l_0__trans = missing
    try:
        t_1 = environment.filters['human_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'human_date' found.")
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
    if (undefined(name='languages') if l_0_languages is missing else l_0_languages):
        pass
        yield '<nav class="translations languages" aria-label="Languages"><p>Read in: '
        def t_5(fiter):
            for l_1_other in fiter:
                if (not environment.getattr(l_1_other, 'current')):
                    yield l_1_other
        l_1_loop = missing
        for l_1_other, l_1_loop in LoopContext(t_5((undefined(name='languages') if l_0_languages is missing else l_0_languages)), undefined):
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(environment.getattr(l_1_other, 'path'))
            yield '" hreflang="'
            yield escape(environment.getattr(l_1_other, 'language'))
            yield '" lang="'
            yield escape(environment.getattr(l_1_other, 'language'))
            yield '" dir="'
            yield escape(environment.getattr(l_1_other, 'direction'))
            yield '">'
            yield escape(environment.getattr(l_1_other, 'name'))
            yield '</a>'
            yield escape(('' if environment.getattr(l_1_loop, 'last') else ' · '))
        l_1_loop = l_1_other = missing
        yield '</p></nav>\n'
    l_1_lang_attrs = resolve('lang_attrs')
    l_1_site_language = resolve('site_language')
    l_1_settings = resolve('settings')
    t_6 = []
    pass
    if context.call((undefined(name='lang_attrs') if l_1_lang_attrs is missing else l_1_lang_attrs), (undefined(name='site_language') if l_1_site_language is missing else l_1_site_language)):
        pass
        t_6.extend((
            '<span',
            escape(context.call((undefined(name='lang_attrs') if l_1_lang_attrs is missing else l_1_lang_attrs), (undefined(name='site_language') if l_1_site_language is missing else l_1_site_language))),
            '>',
            escape(environment.getattr((undefined(name='settings') if l_1_settings is missing else l_1_settings), 'title')),
            '</span>',
        ))
    else:
        pass
        t_6.append(
            escape(environment.getattr((undefined(name='settings') if l_1_settings is missing else l_1_settings), 'title')),
        )
    l_0_site_name = (Markup if context.eval_ctx.autoescape else identity)(concat(t_6))
    _block_vars['site_name'] = l_0_site_name
    l_1_lang_attrs = l_1_site_language = l_1_settings = missing
    yield '<h1 class="visually-hidden">'
    yield escape((Markup('%(site)s: the latest news by topic') % {'site': (undefined(name='site_name') if l_0_site_name is missing else l_0_site_name)}))
    yield '</h1>\n'
    if (undefined(name='top_topics') if l_0_top_topics is missing else l_0_top_topics):
        pass
        yield '<nav class="top-topics" aria-labelledby="top-topics-label">\n  <h2 id="top-topics-label">Top topics</h2>\n  <ul>\n'
        for l_1_group in (undefined(name='top_topics') if l_0_top_topics is missing else l_0_top_topics):
            _loop_vars = {}
            pass
            yield '    <li><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tag'), environment.getattr(l_1_group, 'key'), _loop_vars=_loop_vars))
            yield '" dir="auto">'
            yield escape(environment.getattr(environment.getattr(l_1_group, 'key'), 'name'))
            yield '</a></li>\n'
        l_1_group = missing
        yield '  </ul>\n</nav>\n'
    l_1_loop = missing
    t_7 = 1
    for (l_1_day, l_1_topics, l_1_hidden), l_1_loop in LoopContext((undefined(name='days') if l_0_days is missing else l_0_days), undefined):
        _loop_vars = {}
        pass
        yield '<section class="day" aria-labelledby="day-'
        yield escape(context.call(environment.getattr(l_1_day, 'isoformat'), _loop_vars=_loop_vars))
        yield '">\n  <div class="day-head">\n    <h2 id="day-'
        yield escape(context.call(environment.getattr(l_1_day, 'isoformat'), _loop_vars=_loop_vars))
        yield '">'
        yield escape(t_2(context, l_1_day))
        yield '</h2>\n    <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'digest'), l_1_day, _loop_vars=_loop_vars))
        yield '">'
        yield escape((Markup('Digest of %(day)s') % {'day': t_1(context, l_1_day)}))
        yield '</a>\n  </div>\n'
        l_2_group_id = markup_join(('d', context.call(environment.getattr(l_1_day, 'isoformat'), _loop_vars=_loop_vars), ))
        l_2_day_label = markup_join((' day-', context.call(environment.getattr(l_1_day, 'isoformat'), _loop_vars=_loop_vars), ))
        l_2_level = 3
        l_2_top_story = environment.getattr(l_1_loop, 'first')
        pass
        template = environment.get_template('partials/day.html', 'home.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'day_label': l_2_day_label, 'group_id': l_2_group_id, 'level': l_2_level, 'top_story': l_2_top_story, 'day': l_1_day, 'hidden': l_1_hidden, 'loop': l_1_loop, 'topics': l_1_topics, '_trans': l_0__trans, 'site_name': l_0_site_name}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_2_group_id = l_2_day_label = l_2_level = l_2_top_story = missing
        if l_1_hidden:
            pass
            yield '<p class="more-in-topic"><a href="'
            yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'digest'), l_1_day, _loop_vars=_loop_vars))
            yield '">'
            yield escape(((Markup if context.eval_ctx.autoescape else identity)(environment.getitem(('%(count)s more story in other topics<span class="visually-hidden"> on %(day)s</span>', '%(count)s more stories in other topics<span class="visually-hidden"> on %(day)s</span>'), t_4(l_1_hidden))) % {'num': l_1_hidden, 'count': l_1_hidden, 'day': t_2(context, l_1_day)}))
            yield '</a></p>'
        yield '</section>\n'
        t_7 = 0
    l_1_loop = l_1_day = l_1_topics = l_1_hidden = missing
    if t_7:
        pass
        if (undefined(name='languages') if l_0_languages is missing else l_0_languages):
            pass
            yield '<p class="empty">No stories in this language yet. Read the news in: '
            def t_8(fiter):
                for l_2_other in fiter:
                    if (not environment.getattr(l_2_other, 'current')):
                        yield l_2_other
            l_2_loop = missing
            for l_2_other, l_2_loop in LoopContext(t_8((undefined(name='languages') if l_0_languages is missing else l_0_languages)), undefined):
                _loop_vars = {}
                pass
                yield '<a href="'
                yield escape(environment.getattr(l_2_other, 'path'))
                yield '" hreflang="'
                yield escape(environment.getattr(l_2_other, 'language'))
                yield '" lang="'
                yield escape(environment.getattr(l_2_other, 'language'))
                yield '" dir="'
                yield escape(environment.getattr(l_2_other, 'direction'))
                yield '">'
                yield escape(environment.getattr(l_2_other, 'name'))
                yield '</a>'
                yield escape(('' if environment.getattr(l_2_loop, 'last') else ' · '))
            l_2_loop = l_2_other = missing
            yield '</p>\n'
        else:
            pass
            yield '<p class="empty">No stories yet. Add an article under <code>content/</code> and build again.</p>\n'
    if (undefined(name='older') if l_0_older is missing else l_0_older):
        pass
        yield '<p class="more"><a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'digest'), environment.getattr((undefined(name='older') if l_0_older is missing else l_0_older), 'key'), _block_vars=_block_vars))
        yield '">'
        yield escape((Markup('Earlier: %(day)s') % {'day': t_2(context, environment.getattr((undefined(name='older') if l_0_older is missing else l_0_older), 'key'))}))
        yield '</a> · <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'digests'), _block_vars=_block_vars))
        yield '">Every day\'s digest</a> · <a href="'
        yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'archive'), _block_vars=_block_vars))
        yield '">The full archive</a></p>'
    yield '<div class="browse">\n  <section aria-labelledby="browse-topics">\n    <h2 id="browse-topics" class="section-title"><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'tags'), _block_vars=_block_vars))
    yield '">All topics</a></h2>\n'
    l_1_terms = (undefined(name='topics') if l_0_topics is missing else l_0_topics)
    pass
    template = environment.get_template('partials/terms.html', 'home.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'terms': l_1_terms, '_trans': l_0__trans, 'site_name': l_0_site_name}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_terms = missing
    yield '  </section>\n  <section aria-labelledby="browse-countries">\n    <h2 id="browse-countries" class="section-title"><a href="'
    yield escape(context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'countries'), _block_vars=_block_vars))
    yield '">All countries</a></h2>\n'
    l_1_terms = (undefined(name='countries') if l_0_countries is missing else l_0_countries)
    l_1_term_prefix = 'Country: '
    pass
    template = environment.get_template('partials/terms.html', 'home.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'term_prefix': l_1_term_prefix, 'terms': l_1_terms, '_trans': l_0__trans, 'site_name': l_0_site_name}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_terms = l_1_term_prefix = missing
    yield '  </section>\n  <section aria-labelledby="browse-feeds">\n    <h2 id="browse-feeds" class="section-title">Follow</h2>\n    <ul class="follow">\n      <li>'
    yield escape((Markup('<a href="%(feed)s">The daily digest</a>: one feed item a day with all its stories') % {'feed': environment.getattr((undefined(name='digest_feed') if l_0_digest_feed is missing else l_0_digest_feed), 'href')}))
    yield '</li>\n      <li>'
    yield escape((Markup('<a href="%(rss)s">Every story as it is published</a> (also as <a href="%(atom)s">Atom</a> and <a href="%(json)s">JSON Feed</a>)') % {'rss': environment.getattr(environment.getattr((undefined(name='main_feed') if l_0_main_feed is missing else l_0_main_feed), 'rss'), 'href'), 'atom': environment.getattr(environment.getattr((undefined(name='main_feed') if l_0_main_feed is missing else l_0_main_feed), 'atom'), 'href'), 'json': environment.getattr(environment.getattr((undefined(name='main_feed') if l_0_main_feed is missing else l_0_main_feed), 'json'), 'href')}))
    yield '</li>\n      <li>'
    l_0__trans = context.call(environment.getattr((undefined(name='urls') if l_0_urls is missing else l_0_urls), 'file'), 'feeds.opml', _block_vars=_block_vars)
    _block_vars['_trans'] = l_0__trans
    yield escape((Markup('A topic or a country: each page has its own feed; <a href="%(opml)s">all feeds in OPML</a>') % {'opml': (undefined(name='_trans') if l_0__trans is missing else l_0__trans)}))
    yield '</li>\n    </ul>\n  </section>\n</div>\n'

blocks = {'layout': block_layout, 'skip_target': block_skip_target, 'head': block_head, 'main': block_main}
debug_info = '1=12&2=17&4=27&5=38&7=47&8=51&10=56&11=60&14=64&15=106&16=109&18=136&19=154&20=156&24=159&25=163&30=171&31=175&33=177&34=181&36=190&37=197&40=209&42=212&47=237&50=249&51=253&54=261&55=266&60=274&61=276&62=280'

# Generated from generator/theme/home.html by `python -m generator.render.precompiled`: do not edit.
