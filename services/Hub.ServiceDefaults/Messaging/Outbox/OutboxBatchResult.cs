namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>What one relay batch did.</summary>
/// <param name="Claimed">Rows the batch locked.</param>
/// <param name="Failed">Rows whose dispatch failed and were rescheduled with backoff.</param>
public readonly record struct OutboxBatchResult(int Claimed, int Failed);
