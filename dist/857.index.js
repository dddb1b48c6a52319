export const id = 857;
export const ids = [857];
export const modules = {

/***/ 85857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gate: () => (/* binding */ gate)
});

;// CONCATENATED MODULE: ./src/core/unavailable-gate.ts
/** A gate whose implementation is not part of this version: it reports `error` and says so, never a verdict. */
function unavailableGate(gate) {
    return {
        gate,
        run: () => Promise.reject(new Error(`${gate} is not implemented in this version of shipgate yet; no verdict was computed`)),
    };
}

;// CONCATENATED MODULE: ./src/gates/chaos-run/index.ts

const gate = unavailableGate('chaos-run');


/***/ })

};
