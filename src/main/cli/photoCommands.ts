import path from 'node:path';
import { BylineError } from '../../shared/errors';
import { formatCredit } from '../../shared/format/credit';
import type { Credit, Image } from '../../shared/model/blocks';
import type { PhotoFilter } from '../../shared/model/photo';
import { listPhotos, setCredit } from '../media/photoDesk';
import { storePhoto } from '../media/storePhoto';
import { MAX_ASSET_BYTES } from '../store/assets';
import { type Command, type CommandContext } from './command';
import { readFileBytes } from './files';
import { printJson } from './output';

/** Credit parts given on the command line; undefined where an option was not given. */
function creditOptions(ctx: CommandContext): Partial<Credit> {
  const { provider, agency, creator, credit } = ctx.options;
  return Object.fromEntries(
    Object.entries({ provider, agency, creator, text: credit }).filter(([, v]) => v !== undefined),
  );
}

/** The photo desk's commands: pictures into articles, their credits, and what is wrong with them. */
export const PHOTO_COMMANDS: Record<string, Command> = {
  attach: {
    usage: 'attach ID IMAGE [--caption T] [--credit LINE] [--provider P --agency A --creator C]',
    summary: 'add a picture at the end of an article; caption and credit come from its file unless given',
    args: 2,
    run: async (ctx) => {
      const [id, file] = ctx.positionals as [string, string];
      const name = path.basename(file);
      const bytes = readFileBytes(
        file,
        MAX_ASSET_BYTES,
        (size) =>
          `${name} is ${(size / 1048576).toFixed(1)} MB; pictures may be at most ${MAX_ASSET_BYTES / 1048576} MB. Nothing was stored.`,
      );
      const store = ctx.openStore();
      try {
        const article = store.articles.get(id); // before the picture is read: an unknown article stores nothing
        const stored = await storePhoto(store, bytes, name, 'file');
        const given = creditOptions(ctx);
        const credit: Credit = Object.keys(given).length
          ? Object.fromEntries(Object.entries(given).filter(([, v]) => v?.trim()))
          : stored.suggested.credit;
        const image: Image = {
          type: 'image',
          assetId: stored.asset.id,
          caption: ctx.options.caption ?? stored.suggested.caption,
          credit,
          alt: '',
        };
        const saved = store.articles.save({ ...article, body: [...article.body, image] }, store.profile.actor());
        const creditLine = formatCredit(credit, store.houseStyle.credit);
        if (ctx.json)
          printJson(ctx.io, {
            asset: stored.asset.id,
            article: saved.article.id,
            revision: saved.article.revision,
            credit,
            creditLine,
            caption: image.caption,
            embedded: stored.photo.embedded,
          });
        else {
          ctx.io.out(`asset ${stored.asset.id}`);
          ctx.io.out(
            `credit ${creditLine || '(none: the file names no photographer or agency; add one with byline credit)'}`,
          );
          ctx.io.out(
            `added to ${saved.article.id} as block ${saved.article.body.length} (revision ${saved.article.revision}); it still needs alt text`,
          );
        }
        return 0;
      } finally {
        store.close();
      }
    },
  },
  photos: {
    usage: 'photos [--missing-credit] [--missing-alt] [--mismatch] [--missing-file] [--agency A]',
    summary: 'list every picture in every article, with its credit and what is wrong',
    args: 0,
    run: (ctx) => {
      const store = ctx.openStore();
      try {
        const filter: PhotoFilter = {
          missingCredit: ctx.options.missingCredit,
          missingAlt: ctx.options.missingAlt,
          mismatch: ctx.options.mismatch,
          missingFile: ctx.options.missingFile,
          agency: ctx.options.agency,
        };
        const uses = listPhotos(store, filter);
        if (ctx.json) printJson(ctx.io, uses);
        else {
          ctx.io.out(`${uses.length} picture${uses.length === 1 ? '' : 's'}`);
          for (const u of uses) {
            ctx.io.out(
              `${u.assetId?.slice(0, 12) ?? 'file missing'}  ${u.articleId} #${u.block + 1}  ${u.creditLine || '(no credit)'} [${u.origin.credit}]  ${u.headline || '(no headline)'}`,
            );
            if (u.problems.length) ctx.io.out(`  ! ${u.problems.join('; ')}`);
          }
        }
        return 0;
      } finally {
        store.close();
      }
    },
  },
  credit: {
    usage: 'credit ASSET [--provider P] [--agency A] [--creator C] [--credit LINE]',
    summary: 'set a picture\'s credit parts in every article that uses it ("" clears one)',
    args: 1,
    run: (ctx) => {
      const parts = creditOptions(ctx);
      if (!Object.keys(parts).length)
        throw new BylineError('invalid-input', 'Give at least one of --provider, --agency, --creator or --credit.');
      const store = ctx.openStore();
      try {
        const asset = resolveAsset(store.assets.ids(), ctx.positionals[0]!);
        const result = setCredit(store, asset, parts, store.profile.actor());
        if (ctx.json) printJson(ctx.io, { asset, ...result });
        else
          ctx.io.out(
            `${result.creditLine || '(no credit)'}: ${result.articles.length ? `changed in ${result.articles.join(', ')}` : 'nothing changed'}`,
          );
        return 0;
      } finally {
        store.close();
      }
    },
  },
};

/** Pictures are named by their SHA-256; a unique prefix (as `byline photos` prints) is enough. */
function resolveAsset(ids: string[], given: string): string {
  const matches =
    given.length >= 6 ? ids.filter((id) => id.startsWith(given.toLowerCase())) : ids.filter((id) => id === given);
  if (matches.length === 1) return matches[0]!;
  throw new BylineError(
    matches.length ? 'invalid-input' : 'not-found',
    matches.length
      ? `${given} names ${matches.length} pictures; give more of its id.`
      : `No image ${given} in the store.`,
  );
}
