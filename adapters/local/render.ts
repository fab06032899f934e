// Messages as the local chat page reads them: the neutral message with every text parsed once into structure
// (`rich`), so the page only walks nodes and never reads markup itself.
import { type Inline, parseRich, type Rich, type RichBlock } from '../../src/core/messages/inline.ts';
import type { Block, Field, Message } from '../../src/core/messages/model.ts';

type PageField = Field & { rich: Rich };
export type PageBlock =
  | (Extract<Block, { type: 'header' | 'context' }> & { rich: Rich })
  | (Omit<Extract<Block, { type: 'section' }>, 'fields'> & { rich: Rich; fields?: PageField[] })
  | Exclude<Block, { type: 'header' | 'context' | 'section' }>;

export type PageMessage = Omit<Message, 'blocks'> & { blocks: PageBlock[] };

/**
 * The message with each text parsed. A mention's `memberId` becomes the member's local id (the `id` of
 * /local/members), from `addresses`; a member not in it keeps only the name.
 */
export function pageMessage(message: Message, addresses: ReadonlyMap<string, string> = new Map()): PageMessage {
  const rich = (text: string): Rich => parseRich(text).map((block) => localIds(block, addresses));
  return { ...message, blocks: message.blocks.map((block) => pageBlock(block, rich)) };
}

function pageBlock(block: Block, rich: (text: string) => Rich): PageBlock {
  switch (block.type) {
    case 'header':
    case 'context':
      return { ...block, rich: rich(block.text) };
    case 'section': {
      const { fields, ...rest } = block;
      const section = { ...rest, rich: rich(block.text) };
      return fields ? { ...section, fields: fields.map((f) => ({ ...f, rich: rich(f.value) })) } : section;
    }
    default:
      return block;
  }
}

function localIds(block: RichBlock, addresses: ReadonlyMap<string, string>): RichBlock {
  const map = (nodes: Inline[]): Inline[] =>
    nodes.map((node) => {
      if (node.type === 'mention') {
        const id = addresses.get(node.memberId);
        return id === undefined ? { type: 'text', text: node.label, typed: true } : { ...node, memberId: id };
      }
      return 'children' in node ? { ...node, children: map(node.children) } : node;
    });
  return block.type === 'paragraph' ? { ...block, children: map(block.children) } : { ...block, items: block.items.map(map) };
}
