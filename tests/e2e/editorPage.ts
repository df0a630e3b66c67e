import Database from 'better-sqlite3';
import { expect, type Locator, type Page } from '@playwright/test';

/** The article editor as a person sees it: fields by their labels, the body region, the status line. */
export class EditorPage {
  constructor(readonly page: Page) {}

  field(name: 'Rubric' | 'Kicker' | 'Headline' | 'Teaser'): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  get body(): Locator {
    return this.page.getByRole('region', { name: 'Body' });
  }

  /** The article as the store holds it: read from the SQLite file itself, not through the app. */
  static storedArticle(dbPath: string): Record<string, unknown> & {
    headline: string;
    body: unknown[];
    signOff: { authors: string[]; agencies: string[] };
  } {
    const db = new Database(dbPath, { readonly: true });
    try {
      return JSON.parse(
        db.prepare('SELECT doc FROM articles ORDER BY updated_at DESC LIMIT 1').pluck().get() as string,
      );
    } finally {
      db.close();
    }
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  /**
   * Waits until the article is open: keys typed before go into the type-ahead (text only), so a
   * shortcut or a paste that needs the editor waits for it, as a person waits for "Opening…" to go.
   */
  async opened(): Promise<void> {
    await expect(this.page.getByRole('textbox', { name: /^Opening the article/ })).toHaveCount(0);
    await expect(this.body).toBeVisible();
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveText(/^Saved \d/, { timeout: 10_000 });
  }

  /** Puts the caret at the end of a field's text. */
  async focusField(name: 'Rubric' | 'Kicker' | 'Headline' | 'Teaser'): Promise<void> {
    await this.field(name).click();
    await this.page.keyboard.press('End');
  }

  get signOffInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Add to sign-off' });
  }

  /** Clicks into the sign-off box and types the line key by key, as a person does, then Enter. */
  async addSignOff(text: string): Promise<void> {
    await this.signOffInput.click();
    await expect(this.signOffInput).toBeFocused();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  get signOffPreview(): Locator {
    return this.page.locator('.signoff-preview');
  }

  /**
   * Puts HTML and text on the real clipboard and presses Ctrl+V, as a person pasting from Word
   * would. The page's context needs clipboard-read and clipboard-write permissions.
   */
  async paste(html: string | null, text: string): Promise<void> {
    await this.opened();
    await pasteClipboard(this.page, html, text);
  }
}

/** Puts HTML (if any) and text on the real clipboard and presses Ctrl+V wherever the keyboard is. Needs clipboard-read and clipboard-write permissions. */
export async function pasteClipboard(page: Page, html: string | null, text: string): Promise<void> {
  await page.evaluate(
    async ([h, t]) => {
      const items: Record<string, Blob> = { 'text/plain': new Blob([t!], { type: 'text/plain' }) };
      if (h) items['text/html'] = new Blob([h], { type: 'text/html' });
      await navigator.clipboard.write([new ClipboardItem(items)]);
    },
    [html, text],
  );
  await page.keyboard.press('Control+v');
}
