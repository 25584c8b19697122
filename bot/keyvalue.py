"""The adapters' key-value state in memory: for tests, and where nothing needs to survive
a restart (the console demo). The port it implements is `bot.ports.KeyValue`."""

from __future__ import annotations

from bot.messages import Address


class MemoryKeyValue:
    """KeyValue in memory: for tests, and where nothing needs to survive a restart."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}
        self.owners: dict[tuple[str, str], Address] = {}

    async def get(self, namespace: str, key: str) -> str | None:
        return self.values.get((namespace, key))

    async def put(self, namespace: str, key: str, value: str, owner: Address | None = None) -> None:
        self.values[(namespace, key)] = value
        if owner is not None:
            self.owners[(namespace, key)] = owner

    async def add(
        self, namespace: str, key: str, value: str = "", owner: Address | None = None
    ) -> bool:
        if (namespace, key) in self.values:
            return False
        await self.put(namespace, key, value, owner)
        return True

    async def forget(self, owner: Address) -> int:
        mine = [k for k, who in self.owners.items() if who == owner]
        for k in mine:
            del self.owners[k]
            self.values.pop(k, None)
        return len(mine)
