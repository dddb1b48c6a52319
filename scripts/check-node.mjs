// The tests must run on the Node 24 that `npm ci` installs (the `node` devDependency), not the machine's Node.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(`shipgate: the tests need Node 24 (the actions run on node24), but this is Node ${process.versions.node}.`);
  console.error('Run them through npm (npm test), which puts node_modules/.bin/node (Node 24, installed by npm ci) first on PATH.');
  process.exit(1);
}
console.log(`Node ${process.versions.node} (${process.execPath})`);
