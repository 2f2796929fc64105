import { Box } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cluster } from './api.js';
import classes from './ClusterGraph.module.css';
import { fitLabel, GEOMETRY, recordKey as keyOfRecord, layoutCluster, type RecordRef, shortRecordId } from './clusterLayout.js';
import { familyOfType, familyStyle, useIndicatorTypeLabel, useRecordTypeLabel } from './labels.js';
import { truncateTitle } from './RecordLink.js';
import { useIndicatorLabel } from './useIndicatorLabel.js';

type Active = { kind: 'record'; key: string } | { kind: 'indicator'; id: number } | null;

interface ClusterGraphProps {
  cluster: Cluster;
  origin: Pick<RecordRef, 'recordType' | 'recordId'>;
  /** The indicator of the page: its node shows the value instead of 「指標#id」. */
  current: { id: number; type: string; value: string; attributes?: Record<string, string> | undefined };
  unitLabel: (unitId: string | null) => string;
}

const { nodeWidth: W, nodeHeight: H } = GEOMETRY;

/** Focus ring drawn inside the SVG (DADS style: black outline, yellow inner ring), shown on keyboard focus. */
function FocusRing() {
  return (
    <g className={classes.ring} aria-hidden>
      <rect x={-5} y={-5} width={W + 10} height={H + 10} rx={8} fill="none" stroke="var(--color-neutral-black, #000)" strokeWidth={4} />
      <rect
        x={-2}
        y={-2}
        width={W + 4}
        height={H + 4}
        rx={6}
        fill="none"
        stroke="var(--color-primitive-yellow-300, #ffd43d)"
        strokeWidth={2}
      />
    </g>
  );
}

/**
 * SVG diagram of a cluster: records (left) and the indicators they share (right). Every node
 * can be reached with Tab; indicator nodes are links to their detail page. Hover or focus
 * highlights a node's edges.
 */
export function ClusterGraph({ cluster, origin, current, unitLabel }: ClusterGraphProps) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const recordTypeLabel = useRecordTypeLabel();
  const titleId = useId();
  const layout = useMemo(() => layoutCluster(cluster, origin), [cluster, origin]);
  const titles = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const record of cluster.records) if (record.label) byKey.set(keyOfRecord(record), record.label.title);
    return byKey;
  }, [cluster]);
  const [active, setActive] = useState<Active>(null);
  const currentStyle = familyStyle[familyOfType(current.type)];
  const edgeActive = (recordKey: string, indicatorId: number) =>
    (active?.kind === 'record' && active.key === recordKey) || (active?.kind === 'indicator' && active.id === indicatorId);
  const indicatorLabel = useIndicatorLabel(cluster, current);
  const font = 'var(--mantine-font-family)';
  const mono = 'var(--mantine-font-family-monospace)';

  return (
    <Box
      style={{
        overflow: 'auto',
        maxHeight: 720,
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
      p="xs"
    >
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        aria-labelledby={titleId}
        className={classes.graph}
        data-has-active={active ? '' : undefined}
        style={{ display: 'block', color: 'var(--mantine-color-black)' }}
      >
        <title id={titleId}>
          {t('indicators.cluster.graphLabel', {
            record: `${recordTypeLabel(origin.recordType)} ${titles.get(keyOfRecord(origin)) ?? origin.recordId}`,
          })}
        </title>
        <g aria-hidden fontFamily={font} fontWeight={700} fontSize={14} fill="currentColor">
          <text x={GEOMETRY.margin} y={20}>
            {t('indicators.cluster.recordsColumn')}
          </text>
          <text x={layout.width - GEOMETRY.margin - W} y={20}>
            {t('indicators.cluster.indicatorsColumn')}
          </text>
        </g>
        <g aria-hidden>
          {layout.edges.map((edge) => (
            <path
              key={`${edge.recordKey}:${edge.indicatorId}`}
              d={edge.path}
              className={classes.edge}
              data-active={edgeActive(edge.recordKey, edge.indicatorId) ? '' : undefined}
            />
          ))}
        </g>
        {layout.records.map((record) => {
          const title = titles.get(record.key);
          const name = `${recordTypeLabel(record.recordType)} ${title ?? record.recordId}`;
          const unit = unitLabel(record.unitId);
          const on = () => setActive({ kind: 'record', key: record.key });
          return (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a record node is a labelled graphic; it takes focus so keyboard users can read it and see its edges
            <g
              key={record.key}
              transform={`translate(${record.x},${record.y})`}
              className={classes.node}
              tabIndex={0}
              role="img"
              aria-label={t('indicators.cluster.recordNode', {
                type: recordTypeLabel(record.recordType),
                id: title ?? record.recordId,
                unit,
                count: record.degree,
              })}
              onMouseEnter={on}
              onFocus={on}
              onMouseLeave={() => setActive(null)}
              onBlur={() => setActive(null)}
            >
              <title>{`${name}\n${unit}`}</title>
              <rect
                width={W}
                height={H}
                rx={6}
                fill={record.origin ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-white)'}
                stroke="var(--mantine-color-blue-8)"
                strokeWidth={record.origin ? 3 : 1.5}
              />
              <text x={10} y={18} fontFamily={font} fontSize={13} fontWeight={700} fill="currentColor">
                {recordTypeLabel(record.recordType)}{' '}
                {title ? (
                  <tspan fontWeight={400}>{truncateTitle(title)}</tspan>
                ) : (
                  <tspan fontFamily={mono} fontWeight={400}>
                    {shortRecordId(record.recordId)}
                  </tspan>
                )}
              </text>
              <text x={10} y={36} fontFamily={font} fontSize={12} fill="var(--mantine-color-gray-7)">
                {fitLabel(unit, record.origin ? 17 : 21)}
              </text>
              {record.origin && (
                <text
                  x={W - 10}
                  y={36}
                  textAnchor="end"
                  fontFamily={font}
                  fontSize={12}
                  fontWeight={700}
                  fill="var(--mantine-color-blue-8)"
                >
                  {t('indicators.cluster.originBadge')}
                </text>
              )}
              <FocusRing />
            </g>
          );
        })}
        {layout.indicators.map((indicator) => {
          const isCurrent = indicator.id === current.id;
          const label = indicatorLabel(indicator.id);
          const line1 = fitLabel(label, 27);
          const line2 = isCurrent ? typeLabel(current.type) : t('indicators.cluster.linkedRecords', { count: indicator.degree });
          const on = () => setActive({ kind: 'indicator', id: indicator.id });
          return (
            <Link
              key={indicator.id}
              to="/indicators/$id"
              params={{ id: String(indicator.id) }}
              className={classes.node}
              // The name starts with the text the node shows (a speech-input user says what they see),
              // then the whole value where the node cuts it short.
              aria-label={t('indicators.cluster.indicatorNode', { visible: `${line1} ${line2}`, label })}
              onMouseEnter={on}
              onFocus={on}
              onMouseLeave={() => setActive(null)}
              onBlur={() => setActive(null)}
            >
              <g transform={`translate(${indicator.x},${indicator.y})`}>
                <title>{label}</title>
                <rect
                  width={W}
                  height={H}
                  rx={H / 2}
                  fill={isCurrent ? `var(--mantine-color-${currentStyle.color}-1)` : 'var(--mantine-color-gray-0)'}
                  stroke={isCurrent ? `var(--mantine-color-${currentStyle.color}-8)` : 'var(--mantine-color-gray-6)'}
                  strokeWidth={isCurrent ? 3 : 1.5}
                />
                <text x={18} y={18} fontFamily={font} fontSize={13} fontWeight={700} fill="currentColor">
                  {line1}
                </text>
                <text x={18} y={36} fontFamily={font} fontSize={12} fill="var(--mantine-color-gray-7)">
                  {line2}
                </text>
                <FocusRing />
              </g>
            </Link>
          );
        })}
      </svg>
    </Box>
  );
}
