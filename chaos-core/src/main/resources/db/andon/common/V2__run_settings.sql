-- The run's raw plugin settings (file, then command-line overrides; secrets shown as ***), so crash
-- recovery on another process executes undos against the same cluster, region or context.
ALTER TABLE andon_runs ADD COLUMN plugin_settings VARCHAR(100000);
