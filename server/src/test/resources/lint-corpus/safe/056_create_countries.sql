-- Country lookup for addresses and billing. Seeded here; readable by everyone.

SET LOCAL lock_timeout = '5s';

CREATE TABLE public.countries (
    code          TEXT PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name          TEXT NOT NULL,
    calling_code  TEXT,
    is_active     BOOLEAN NOT NULL DEFAULT TRUE
);

ALTER TABLE public.countries ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Active countries are readable by everyone"
    ON public.countries
    FOR SELECT
    TO anon, authenticated
    USING (is_active);

GRANT SELECT ON TABLE public.countries TO anon, authenticated;

INSERT INTO public.countries (code, name, calling_code) VALUES
    ('AT', 'Austria', '+43'),
    ('BE', 'Belgium', '+32'),
    ('CA', 'Canada', '+1'),
    ('CH', 'Switzerland', '+41'),
    ('DE', 'Germany', '+49'),
    ('ES', 'Spain', '+34'),
    ('FR', 'France', '+33'),
    ('GB', 'United Kingdom', '+44'),
    ('IE', 'Ireland', '+353'),
    ('IT', 'Italy', '+39'),
    ('NL', 'Netherlands', '+31'),
    ('US', 'United States', '+1');
